using System.Text.Json.Nodes;
using DeepRom.Data;
using DeepRom.Numerics.Ode;

namespace DeepRom.Physics.KuramotoSivashinsky;

/// <summary>Makes one Kuramoto-Sivashinsky trajectory, (1, S, N), as a <c>trajectories/1</c> set with its settings.</summary>
public static class KuramotoSivashinskyGenerator
{
    /// <summary>Value of the data set's <c>generator</c> attribute.</summary>
    public const string Name = "ks";

    /// <summary>
    /// Integrates from the initial field through the transient, then stores every SaveEvery-th state.
    /// <paramref name="progress"/> receives the fraction of all steps taken.
    /// </summary>
    public static TrajectorySet Generate(KuramotoSivashinskyConfig config, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        config.Validate();
        var solver = new KuramotoSivashinskySolver(config.Points, config.DomainLength, config.TimeStep);
        solver.SetState(InitialProfiles.Make(config.Init, solver.Grid, config.DomainLength, config.Seed));
        int n = config.Points;
        double total = config.TotalSteps;
        // The transient goes in chunks so that cancellation and progress stay responsive on long runs.
        const long chunk = 1000;
        var states = new double[(long)config.Snapshots * n];
        for (long done = 0; done < config.TransientSteps; done += chunk)
        {
            ct.ThrowIfCancellationRequested();
            solver.Advance(Math.Min(chunk, config.TransientSteps - done));
            solver.CopyState(states.AsSpan(0, n));
            CheckFinite(states.AsSpan(0, n), solver.Steps, config);
            progress?.Report(solver.Steps / total);
        }
        solver.CopyState(states.AsSpan(0, n));
        for (int s = 1; s < config.Snapshots; s++)
        {
            ct.ThrowIfCancellationRequested();
            solver.Advance(config.SaveEvery);
            solver.CopyState(states.AsSpan(s * n, n));
            CheckFinite(states.AsSpan(s * n, n), solver.Steps, config);
            progress?.Report(solver.Steps / total);
        }
        return new TrajectorySet(states, [1, config.Snapshots, n], config.Times(), null, null, Name, Describe(config));
    }

    /// <summary>
    /// An under-resolved grid lets energy pile up at the highest wavenumbers until the solution overflows: refused as bad
    /// settings (naming the points), not reported as a crash.
    /// </summary>
    private static void CheckFinite(ReadOnlySpan<double> state, long steps, KuramotoSivashinskyConfig config)
    {
        foreach (double v in state)
            if (!double.IsFinite(v))
                throw new InputException("ks config", nameof(KuramotoSivashinskyConfig.Points),
                    $"the solution blew up by step {steps} (t = {steps * config.TimeStep:G4}): {config.Points} points do not resolve a domain of length " +
                    $"{config.DomainLength:G6} with a step of {config.TimeStep:G4}; use more points, a shorter domain or a smaller step");
    }

    /// <summary>
    /// The file's generator configuration: the equation, the domain and grid (so x can be rebuilt without this program), the
    /// scheme, the sampling, the transient and the initial field.
    /// </summary>
    public static string Describe(KuramotoSivashinskyConfig config)
    {
        var node = new JsonObject
        {
            ["Equation"] = "u_t = -u u_x - u_xx - u_xxxx, periodic",
            ["DomainLength"] = config.DomainLength,
            ["Points"] = config.Points,
            ["Grid"] = "x_j = DomainLength * j / Points, j = 1..Points (states[..., j - 1] is u at x_j)",
            ["GridSpacing"] = config.DomainLength / config.Points,
            ["Scheme"] = "pseudo-spectral Fourier, ETDRK4 (Cox & Matthews) with contour-integral coefficients (Kassam & Trefethen 2005), " +
                         $"{EtdRk4Coefficients.ContourPoints} points on the upper half circle of radius 1, no dealiasing",
            ["LinearOperator"] = "k^2 - k^4, k = 2 pi n / DomainLength, 0 at the Nyquist frequency",
            ["NonlinearTerm"] = "-0.5 i k FFT(u^2)",
            ["TimeStep"] = config.TimeStep,
            ["SaveEvery"] = config.SaveEvery,
            ["SampleInterval"] = config.SampleInterval,
            ["Snapshots"] = config.Snapshots,
            ["Transient"] = config.TransientTime,
            ["TransientSteps"] = config.TransientSteps,
            ["Time"] = "time 0 is the end of the transient",
            ["Init"] = ChoiceName.Of(config.Init),
            ["InitDefinition"] = config.Init == InitialProfile.Random
                ? InitialProfiles.RandomDefinition
                : "cos(2 pi x / DomainLength) (1 + sin(2 pi x / DomainLength)); with DomainLength = 32 pi, cos(x/16) (1 + sin(x/16))",
            ["Seed"] = config.Seed,
        };
        return node.ToJsonString();
    }
}
