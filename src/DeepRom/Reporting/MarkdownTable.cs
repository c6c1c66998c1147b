using System.Text;

namespace DeepRom.Reporting;

/// <summary>Horizontal alignment of a table column.</summary>
public enum ColumnAlignment { Left, Right, Center }

/// <summary>
/// A table of text cells that renders as a GitHub-flavoured Markdown pipe table with padded columns, for experiment
/// summaries; the same table can go into an <see cref="HtmlReport"/>.
/// </summary>
public sealed class MarkdownTable
{
    private readonly List<string[]> _rows = new();

    /// <summary>A table with the given column headers; columns are left-aligned unless <paramref name="alignments"/> says otherwise.</summary>
    public MarkdownTable(IReadOnlyList<string> headers, IReadOnlyList<ColumnAlignment>? alignments = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Count == 0) throw new ArgumentException("a table needs at least one column", nameof(headers));
        if (alignments is not null && alignments.Count != headers.Count)
            throw new ArgumentException($"{alignments.Count} alignments for {headers.Count} columns", nameof(alignments));
        Headers = headers.Select(h => h ?? "").ToArray();
        Alignments = alignments?.ToArray() ?? Enumerable.Repeat(ColumnAlignment.Left, headers.Count).ToArray();
    }

    /// <summary>Column headers.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Alignment of each column.</summary>
    public IReadOnlyList<ColumnAlignment> Alignments { get; }

    /// <summary>Rows of cell text, as added.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>
    /// Adds a row, one cell per column. Numbers are formatted with <see cref="NumberText.Format(double)"/>, null is empty,
    /// anything else uses its invariant-culture text.
    /// </summary>
    public MarkdownTable AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Headers.Count)
            throw new ArgumentException($"row has {cells.Length} cells, the table has {Headers.Count} columns", nameof(cells));
        _rows.Add(cells.Select(CellText).ToArray());
        return this;
    }

    /// <summary>The Markdown text: header, separator and one line per row, each ending in a newline.</summary>
    public string Render()
    {
        int columns = Headers.Count;
        var header = Headers.Select(Escape).ToArray();
        var body = _rows.Select(r => r.Select(Escape).ToArray()).ToList();
        var widths = new int[columns];
        for (int c = 0; c < columns; c++)
            widths[c] = Math.Max(3, Math.Max(header[c].Length, body.Count == 0 ? 0 : body.Max(r => r[c].Length)));

        var text = new StringBuilder();
        Line(text, header, widths);
        text.Append('|');
        for (int c = 0; c < columns; c++)
        {
            int dashes = widths[c] - (Alignments[c] switch { ColumnAlignment.Right => 1, ColumnAlignment.Center => 2, _ => 0 });
            text.Append(' ')
                .Append(Alignments[c] == ColumnAlignment.Center ? ":" : "")
                .Append('-', dashes)
                .Append(Alignments[c] is ColumnAlignment.Right or ColumnAlignment.Center ? ":" : "")
                .Append(" |");
        }
        text.Append('\n');
        foreach (var row in body) Line(text, row, widths);
        return text.ToString();
    }

    /// <inheritdoc cref="Render"/>
    public override string ToString() => Render();

    private void Line(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (int c = 0; c < cells.Length; c++)
        {
            string cell = Alignments[c] switch
            {
                ColumnAlignment.Right => cells[c].PadLeft(widths[c]),
                ColumnAlignment.Center => cells[c].PadLeft((widths[c] + cells[c].Length) / 2).PadRight(widths[c]),
                _ => cells[c].PadRight(widths[c]),
            };
            text.Append(' ').Append(cell).Append(" |");
        }
        text.Append('\n');
    }

    internal static string CellText(object? cell) => cell switch
    {
        null => "",
        double d => NumberText.Format(d),
        float f => NumberText.Format((double)f),
        int or long or short or byte => Convert.ToInt64(cell).ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    // A pipe would end the cell and a line break would end the row.
    private static string Escape(string cell) =>
        cell.Replace("|", "\\|").Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
}
