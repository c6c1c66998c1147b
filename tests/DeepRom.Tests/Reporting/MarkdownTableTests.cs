using DeepRom.Reporting;

namespace DeepRom.Tests.Reporting;

public class MarkdownTableTests
{
    [Fact]
    public void Renders_a_known_table_exactly()
    {
        var table = new MarkdownTable(["model", "seed", "rel. error"], [ColumnAlignment.Left, ColumnAlignment.Center, ColumnAlignment.Right])
            .AddRow("VAE + HP", 1, 0.0123456)
            .AddRow("POD", 12, 2.5e-7);
        const string expected =
            "| model    | seed | rel. error |\n" +
            "| -------- | :--: | ---------: |\n" +
            "| VAE + HP |  1   |    0.01235 |\n" +
            "| POD      |  12  |    2.5e-07 |\n";
        Assert.Equal(expected, table.Render());
    }

    [Fact]
    public void Pipes_and_line_breaks_in_cells_cannot_break_the_table()
    {
        string text = new MarkdownTable(["a"]).AddRow("x|y\nz").Render();
        Assert.Equal("| a      |\n| ------ |\n| x\\|y z |\n", text);
    }

    [Fact]
    public void Narrow_columns_keep_three_dashes_and_empty_tables_render_the_header()
    {
        Assert.Equal("| a   |   b |\n| --- | --: |\n", new MarkdownTable(["a", "b"], [ColumnAlignment.Left, ColumnAlignment.Right]).Render());
    }

    [Fact]
    public void Rows_must_match_the_column_count() =>
        Assert.Throws<ArgumentException>(() => new MarkdownTable(["a", "b"]).AddRow("only one"));

    [Fact]
    public void Null_cells_are_empty()
    {
        Assert.Equal("| a   |\n| --- |\n|     |\n", new MarkdownTable(["a"]).AddRow([null]).Render());
    }
}
