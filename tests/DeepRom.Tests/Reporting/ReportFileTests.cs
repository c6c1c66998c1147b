using DeepRom.Reporting;

namespace DeepRom.Tests.Reporting;

public sealed class ReportFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("deeprom-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Png_is_written_and_not_overwritten_without_force()
    {
        var png = LinePlot.Render([0.0, 1.0], [new("y", [1.0, 2.0])], size: new PlotSize(64, 48));
        string path = Path.Combine(_folder, "plot.png");
        ReportFile.WritePng(path, png, force: false);
        Assert.Equal(png, File.ReadAllBytes(path));
        Assert.Throws<InputException>(() => ReportFile.WritePng(path, png, force: false));
        ReportFile.WritePng(path, png, force: true);
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Non_png_bytes_are_refused_before_anything_is_written()
    {
        string path = Path.Combine(_folder, "plot.png");
        Assert.Throws<ArgumentException>(() => ReportFile.WritePng(path, [1, 2, 3, 4, 5, 6, 7, 8, 9], force: false));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Html_report_is_written_as_utf8()
    {
        string path = Path.Combine(_folder, "report.html");
        ReportFile.WriteHtml(path, new HtmlReport("β-schedule"), force: false);
        Assert.Contains("β-schedule", File.ReadAllText(path, System.Text.Encoding.UTF8));
    }
}
