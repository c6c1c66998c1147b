using System.Text.RegularExpressions;
using DeepRom.Reporting;

namespace DeepRom.Tests.Reporting;

public class HtmlReportTests
{
    private static readonly byte[] Png = LinePlot.Render([0.0, 1.0], [new("y", [0.0, 1.0])], size: new PlotSize(64, 48));

    private static HtmlReport Sample(string userText) => new HtmlReport($"Run {userText}")
        .Summary([new("model", userText), new("epochs", "300")])
        .Metrics([new("relative error", 0.012345678), new(userText, 1e-9)])
        .Section(userText)
        .Paragraph($"First {userText}.\n\nSecond paragraph.")
        .Figure(Png, $"Training losses {userText}")
        .Table(["seed", "error"], [[1, 0.5], [userText, double.NaN]], caption: userText);

    [Fact]
    public void Report_has_no_external_resources()
    {
        string html = Sample("plain").ToHtml();
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Figures_are_embedded_as_png_data_uris()
    {
        string html = Sample("plain").ToHtml();
        var match = Regex.Match(html, "src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
        Assert.True(match.Success);
        Assert.Equal(Png, Convert.FromBase64String(match.Groups[1].Value));
        Assert.Contains("Figure 1.", html);
    }

    [Fact]
    public void User_text_is_html_encoded_everywhere()
    {
        string html = Sample("<script>alert('x')</script> & \"q\"").ToHtml();
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("& \"q\"", html);
        // Every place the text went: title, summary, metric name, heading, paragraph, caption, table.
        Assert.True(Regex.Matches(html, "&lt;script&gt;").Count >= 8);
    }

    [Fact]
    public void Metrics_are_formatted_and_right_aligned()
    {
        string html = new HtmlReport("r").Metrics([new("error", 0.012345678), new("tiny", 1e-9)]).ToHtml();
        Assert.Contains("<td class=\"r\">0.01235</td>", html);
        Assert.Contains("<td class=\"r\">1e-09</td>", html);
    }

    [Fact]
    public void Paragraphs_split_on_blank_lines()
    {
        string html = new HtmlReport("r").Paragraph("one\ntwo\n\nthree").ToHtml();
        Assert.Contains("<p>one<br>\ntwo</p>", html);
        Assert.Contains("<p>three</p>", html);
    }

    [Fact]
    public void Figure_rejects_bytes_that_are_not_png() =>
        Assert.Throws<ArgumentException>(() => new HtmlReport("r").Figure([1, 2, 3, 4, 5, 6, 7, 8, 9], "x"));

    [Fact]
    public void Document_is_complete_html()
    {
        string html = Sample("plain").ToHtml();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.EndsWith("</html>\n", html);
    }
}
