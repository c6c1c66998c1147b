using System.Text.Json.Nodes;
using DeepRom.Data;

namespace DeepRom.Physics.Aeroelastic;

/// <summary>Generates the limit-cycle snapshot set for a list of reduced speeds U*: one DOP853 run per speed, in parallel.</summary>
public static class LcoGenerator
{
    /// <summary>Value of the data set's <c>generator</c> attribute.</summary>
    public const string Name = "lco";

    /// <summary>Name of the aux array holding the four aerodynamic lag states (P, T, 4) in float64.</summary>
    public const string LagStates = "lag_states";

    /// <summary>Name of the aux array holding each run's wall time (P,).</summary>
    public const string SolverSeconds = "solver_seconds";

    /// <summary>
    /// Runs one simulation per speed on all cores; each writes only its own slots, so the result does not depend on scheduling.
    /// Fields are (P, Samples, 4) float32 with channels plunge, pitch, plunge_rate, pitch_rate; time is (Samples,) in tau;
    /// params (P, 1) are u_star; aux holds the lag states and each run's wall time. <paramref name="progress"/> receives the
    /// number of runs finished.
    /// </summary>
    public static SnapshotSet Generate(LcoDataConfig config, IReadOnlyList<double> speeds, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        config.Validate();
        config.ValidateSpeeds(speeds);
        int count = speeds.Count, samples = config.Samples, d = PitchPlungeState.Dimension, m = PitchPlungeState.Mechanical;
        if ((long)count * samples * d > Array.MaxLength)
            throw new ArgumentException($"{count} runs of {samples} samples do not fit in one array", nameof(speeds));

        var fields = new float[count * samples * m];
        var lags = new double[count * samples * (d - m)];
        var seconds = new double[count];
        int finished = 0;
        Parallel.For(0, count, new ParallelOptions { CancellationToken = ct }, () => new double[samples * d], (p, _, states) =>
        {
            seconds[p] = LcoSolver.Run(config, speeds[p], states, ct);
            for (int k = 0; k < samples; k++)
            {
                int row = k * d, field = (p * samples + k) * m, lag = (p * samples + k) * (d - m);
                for (int c = 0; c < m; c++) fields[field + c] = (float)states[row + c];
                for (int c = m; c < d; c++) lags[lag + c - m] = states[row + c];
            }
            progress?.Report(Interlocked.Increment(ref finished));
            return states;
        }, _ => { });

        return new SnapshotSet(
            Fields: fields,
            FieldShape: [count, samples, m],
            Channels: PitchPlungeState.Names[..m],
            Params: [.. speeds],
            ParamNames: ["u_star"],
            Time: config.Times(),
            Aux: new Dictionary<string, NdArray>
            {
                [LagStates] = NdArray.Of(lags, count, samples, d - m),
                [SolverSeconds] = NdArray.Of(seconds, count),
            },
            Generator: Name,
            GeneratorConfig: Describe(config, "speeds", null));
    }

    /// <summary>
    /// The file's generator configuration: the settings, the equations and the state layout, how the speeds were chosen
    /// (<paramref name="speedSet"/> train, test or speeds) and the linear flutter point when known, so that the set can be
    /// regenerated and read without this program.
    /// </summary>
    public static string Describe(LcoDataConfig config, string speedSet, FlutterPoint? flutter)
    {
        var node = JsonNode.Parse(config.ToJson())!.AsObject();
        node["SpeedSet"] = speedSet;
        node["Equations"] =
            "xi'' + x_a alpha'' + 2 zeta_xi (w_bar/U*) xi' + (w_bar/U*)^2 xi = -C_L/(pi mu); " +
            "(x_a/r_a^2) xi'' + alpha'' + 2 (zeta_a/U*) alpha' + (alpha + beta_a alpha^3)/U*^2 = 2 C_M/(pi mu r_a^2); " +
            "tau = U t / b, U* = U/(b w_alpha); Wagner phi(tau) = 1 - 0.165 e^(-0.0455 tau) - 0.335 e^(-0.3 tau) " +
            "(Lee, Price & Wong 1999, Prog. Aerospace Sci. 35:205), the decaying initial-condition forcing neglected";
        node["States"] = new JsonArray(PitchPlungeState.Names.Select(n => (JsonNode)n).ToArray());
        node["Units"] = "plunge xi = h/b (semichords, positive down), pitch alpha in radians (nose up), rates per tau, time tau";
        node["Integrator"] = "DOP853 stepping onto every sample";
        if (flutter is not null)
        {
            node["FlutterSpeed"] = flutter.Speed;
            node["FlutterFrequencyRatio"] = flutter.FrequencyRatio;
        }
        return node.ToJsonString();
    }
}
