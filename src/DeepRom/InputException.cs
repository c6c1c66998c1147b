namespace DeepRom;

/// <summary>Bad input from the user: names the file (or option), the item in it and the problem, in one line.</summary>
/// <remarks>The command line maps this exception to exit code 2 and prints only <see cref="Exception.Message"/>.</remarks>
public sealed class InputException : Exception
{
    public InputException(string source, string item, string problem, Exception? inner = null)
        : base($"{source}: {item}: {problem}", inner)
    {
        Source = source;
        Item = item;
        Problem = problem;
    }

    /// <summary>The file path or command-line option the problem was found in.</summary>
    public new string Source { get; }

    /// <summary>The dataset, field or attribute inside <see cref="Source"/>.</summary>
    public string Item { get; }

    /// <summary>What is wrong, in plain words.</summary>
    public string Problem { get; }
}
