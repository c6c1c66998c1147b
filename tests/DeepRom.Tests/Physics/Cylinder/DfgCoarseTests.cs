using DeepRom.Physics.Cylinder;

namespace DeepRom.Tests.Physics.Cylinder;

/// <summary>The DFG 2D-2 benchmark on a coarse lattice stays in a loose band around the published values.</summary>
public class DfgCoarseTests
{
    // 16 cells per diameter with lattice velocity 0.1 (twice the benchmark's, so half the steps) for 60 D/U: about five
    // seconds. At this Mach number the cycles still differ by about 1 % in period and 5 % in lift at t = 60 (acoustic
    // waves between the velocity inlet and the pressure outlet), so the run is not required to be periodic and the
    // band is loose (published: St 0.295-0.305, max c_D 3.22-3.24, max c_L 0.99-1.01); the README gives the values measured.
    [Fact]
    public void Coarse_lattice_sheds_at_the_benchmark_frequency_with_forces_near_the_published_ones()
    {
        var result = DfgBenchmark.Run(DfgBenchmark.Config(16, 0.1), maxTime: 60);

        Assert.True(result.Cycles >= 10, $"{result.Cycles} cycles in {result.Time} D/U");
        Assert.InRange(result.Strouhal, 0.27, 0.33);
        Assert.InRange(result.DragMax, 2.9, 3.6);
        Assert.InRange(result.LiftMax, 0.6, 1.3);
    }

    [Fact]
    public void At_re_20_the_flow_is_steady_without_lift_and_with_the_drag_of_dfg_2d_1()
    {
        var config = DfgBenchmark.Config(10, 0.05) with { Reynolds = 20, SpinTime = 0 };
        var flow = new CylinderFlow(config);
        flow.Advance((long)(30 * config.StepsPerConvectiveUnit));
        // DFG 2D-1 (Re 20, steady): c_D 5.57-5.59, c_L 0.0104-0.0110; 5.5765 and 0.0107 measured here at t = 30.
        Assert.InRange(flow.DragCoefficient, 5.5, 5.65);
        Assert.InRange(flow.LiftCoefficient, 0.005, 0.02);
    }

    [Theory]
    [InlineData(0.30154, 3.23828, 0.99148, true)]   // 80 cells per diameter, lattice velocity 0.025 (the default; README)
    [InlineData(0.30140, 3.24480, 0.97750, false)]  // 40 cells, 0.025: max c_D and max c_L outside
    [InlineData(0.30050, 3.24600, 0.99400, false)]  // 80 cells, 0.05: max c_D 0.006 above
    [InlineData(0.29400, 3.23000, 1.00000, false)]  // St below its range alone
    public void A_result_is_within_the_published_ranges_only_when_all_three_are(double st, double cdMax, double clMax, bool within)
    {
        var result = new DfgResult(80, st, cdMax, clMax, -clMax, 3.2, 4, true, 130, 1, 1, 1, 1);

        Assert.Equal(within, DfgBenchmark.WithinPublishedRanges(result));
    }
}
