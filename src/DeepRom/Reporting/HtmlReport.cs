using System.Net;
using System.Text;

namespace DeepRom.Reporting;

/// <summary>
/// Builds a single self-contained HTML page for a run: inline CSS, PNG figures embedded as base64 data URIs, no
/// external resources, so the file can be mailed or archived alone. All text given to it is HTML-encoded.
/// </summary>
public sealed class HtmlReport
{
    private readonly StringBuilder _body = new();
    private int _figures;

    /// <summary>A report with the given page title (also the top heading).</summary>
    public HtmlReport(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
    }

    /// <summary>The page title.</summary>
    public string Title { get; }

    /// <summary>Adds a key/value table describing the run, e.g. its resolved configuration.</summary>
    public HtmlReport Summary(IEnumerable<KeyValuePair<string, string>> entries, string heading = "Run summary")
    {
        ArgumentNullException.ThrowIfNull(entries);
        Section(heading);
        _body.Append("<table class=\"kv\">\n");
        foreach (var (key, value) in entries)
            _body.Append("<tr><th>").Append(Encode(key)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");
        _body.Append("</table>\n");
        return this;
    }

    /// <summary>Adds a table of named metric values, numbers formatted with <see cref="NumberText.Format(double)"/>.</summary>
    public HtmlReport Metrics(IEnumerable<KeyValuePair<string, double>> metrics, string heading = "Metrics")
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var table = new MarkdownTable(["metric", "value"], [ColumnAlignment.Left, ColumnAlignment.Right]);
        foreach (var (name, value) in metrics) table.AddRow(name, value);
        Section(heading);
        return Table(table);
    }

    /// <summary>Starts a section with a heading.</summary>
    public HtmlReport Section(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        _body.Append("<h2>").Append(Encode(heading)).Append("</h2>\n");
        return this;
    }

    /// <summary>Adds text; blank lines separate paragraphs, single line breaks are kept.</summary>
    public HtmlReport Paragraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normalised = text.Replace("\r\n", "\n");
        foreach (string block in normalised.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            _body.Append("<p>").Append(Encode(block).Replace("\n", "<br>\n")).Append("</p>\n");
        return this;
    }

    /// <summary>Adds a numbered figure: PNG bytes embedded inline, with the caption below (and as alt text).</summary>
    public HtmlReport Figure(byte[] png, string caption)
    {
        ArgumentNullException.ThrowIfNull(png);
        ArgumentNullException.ThrowIfNull(caption);
        if (!PngSignature.Matches(png)) throw new ArgumentException("figure bytes are not a PNG image", nameof(png));
        _figures++;
        _body.Append("<figure><img alt=\"").Append(Encode(caption)).Append("\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(png)).Append("\">\n<figcaption><b>Figure ").Append(_figures).Append(".</b> ")
            .Append(Encode(caption)).Append("</figcaption></figure>\n");
        return this;
    }

    /// <summary>Adds a table with a header row, keeping the column alignments of <paramref name="table"/>.</summary>
    public HtmlReport Table(MarkdownTable table, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        _body.Append("<table>\n");
        if (caption is not null) _body.Append("<caption>").Append(Encode(caption)).Append("</caption>\n");
        _body.Append("<tr>");
        for (int c = 0; c < table.Headers.Count; c++) Cell("th", table.Headers[c], table.Alignments[c]);
        _body.Append("</tr>\n");
        foreach (var row in table.Rows)
        {
            _body.Append("<tr>");
            for (int c = 0; c < row.Count; c++) Cell("td", row[c], table.Alignments[c]);
            _body.Append("</tr>\n");
        }
        _body.Append("</table>\n");
        return this;
    }

    /// <summary>Adds a table given as a header row and rows of cells (numbers formatted as in <see cref="MarkdownTable"/>).</summary>
    public HtmlReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new MarkdownTable(headers);
        foreach (var row in rows) table.AddRow(row.ToArray());
        return Table(table, caption);
    }

    /// <summary>The complete HTML document.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder(_body.Length + 2048);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Encode(Title)).Append("</h1>\n")
            .Append(_body)
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private void Cell(string tag, string text, ColumnAlignment alignment)
    {
        string cls = alignment switch { ColumnAlignment.Right => " class=\"r\"", ColumnAlignment.Center => " class=\"c\"", _ => "" };
        _body.Append('<').Append(tag).Append(cls).Append('>').Append(Encode(text)).Append("</").Append(tag).Append('>');
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; max-width: 1280px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { border-bottom: 2px solid #444; padding-bottom: .2em; }
        h2 { margin-top: 1.6em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: .8em 0; font-size: .92em; }
        th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        table.kv th { font-weight: 600; }
        td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
        td.c, th.c { text-align: center; }
        caption { caption-side: top; text-align: left; font-style: italic; padding-bottom: .3em; }
        figure { margin: 1.2em 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: .92em; color: #444; margin-top: .3em; }

        """;
}
