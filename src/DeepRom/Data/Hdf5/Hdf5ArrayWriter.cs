using DeepRom.Data.Storage;
using PureHDF;

namespace DeepRom.Data.Hdf5;

/// <summary>Writes dataset files as HDF5 through PureHDF: contiguous datasets, variable-length UTF-8 string attributes.</summary>
internal sealed class Hdf5ArrayWriter : IArrayWriter
{
    private readonly H5File _file = new();
    private readonly Dictionary<string, object> _paramAttributes = new();

    public void Add(string name, float[] values, int[] shape) => Put(name, new H5Dataset(values, fileDims: Dims(shape)));

    public void Add(string name, double[] values, int[] shape) => Put(name, new H5Dataset(values, fileDims: Dims(shape)));

    public void AddText(TextItem item, string value) => SetAttribute(item, value);

    public void AddText(TextItem item, string[] values) => SetAttribute(item, values);

    public void Save(string path)
    {
        if (_paramAttributes.Count > 0)
        {
            if (_file.TryGetValue("params", out object? p) && p is H5Dataset dataset)
            {
                dataset.Attributes ??= new();
                foreach (var (k, v) in _paramAttributes) dataset.Attributes[k] = v;
            }
            else throw new InvalidOperationException("params names given without params");
        }
        _file.Write(path);
    }

    private void SetAttribute(TextItem item, object value)
    {
        string name = Hdf5ArrayReader.AttributeName(item);
        if (item == TextItem.ParamNames) _paramAttributes[name] = value;
        else (_file.Attributes ??= new())[name] = value;
    }

    private void Put(string name, H5Dataset dataset)
    {
        H5Group group = _file;
        string[] parts = name.Split('/');
        foreach (string part in parts[..^1])
        {
            if (!group.TryGetValue(part, out object? child))
                group[part] = child = new H5Group();
            group = (H5Group)child;
        }
        group[parts[^1]] = dataset;
    }

    private static ulong[] Dims(int[] shape) => shape.Select(d => (ulong)d).ToArray();
}
