using System.Text;

namespace DeepRom;

/// <summary>
/// The names users type for enum choices (priors, theta distributions, output variances): the member name in
/// lower kebab case, so <c>Gmm4</c> is "gmm4" and <c>CalibratedPerChannel</c> is "calibrated-per-channel".
/// Command-line options and study configs parse through here so that both accept the same words.
/// </summary>
public static class ChoiceName
{
    /// <summary>The user-facing name of <paramref name="value"/>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        string name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (int k = 0; k < name.Length; k++)
        {
            if (k > 0 && char.IsUpper(name[k])) text.Append('-');
            text.Append(char.ToLowerInvariant(name[k]));
        }
        return text.ToString();
    }

    /// <summary>All names of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(Of).ToArray();

    /// <summary>The member named <paramref name="name"/>; otherwise an <see cref="InputException"/> from <paramref name="source"/> and <paramref name="item"/> listing the choices.</summary>
    public static TEnum Parse<TEnum>(string name, string source, string item) where TEnum : struct, Enum
    {
        foreach (TEnum value in Enum.GetValues<TEnum>())
            if (Of(value) == name) return value;
        throw new InputException(source, item, $"unknown value '{name}' (use {string.Join(", ", All<TEnum>())})");
    }
}
