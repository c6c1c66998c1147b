namespace DeepRom.Data;

/// <summary>The container a dataset file is stored in; both hold the same names (see docs/data-format.md).</summary>
public enum DataFileFormat
{
    /// <summary>HDF5 (<c>.h5</c>, <c>.hdf5</c>), readable by h5py.</summary>
    Hdf5,

    /// <summary>A zip of <c>.npy</c> files (<c>.npz</c>), readable by numpy.</summary>
    Npz,
}
