using System.Globalization;
using DeepRom.Models.Rom.Interpolation;

namespace DeepRom.Models.Rom;

/// <summary>
/// A parametric reduced-order model composed as in EZyRB: a reduction of whole simulations to latent codes plus an
/// interpolation of the codes over the parameters. Data are scaled per channel inside the model, so simulations go in
/// and come out in physical units.
/// </summary>
public sealed class ReducedOrderModel
{
    private readonly Dictionary<InterpolationKind, ILatentInterpolation> _interpolations = new();

    /// <summary>A fitted model from its parts (also how a saved model is rebuilt).</summary>
    public ReducedOrderModel(IReduction reduction, ChannelScaling scaling, IReadOnlyList<double[]> parameters, IReadOnlyList<double[]> codes)
    {
        if (parameters.Count != codes.Count) throw new ArgumentException($"{codes.Count} codes for {parameters.Count} parameter points");
        Reduction = reduction;
        Scaling = scaling;
        Parameters = parameters;
        Codes = codes;
    }

    public IReduction Reduction { get; }
    public ChannelScaling Scaling { get; }

    /// <summary>The training parameters (P, s) in the user's units.</summary>
    public IReadOnlyList<double[]> Parameters { get; }

    /// <summary>The training codes (P, r).</summary>
    public IReadOnlyList<double[]> Codes { get; }

    /// <summary>
    /// Fits <paramref name="reduction"/> to the training simulations (each laid out (T, C, *grid)) at
    /// <paramref name="parameters"/>. Parameter points must be distinct (checked by the interpolation at first use).
    /// <paramref name="control"/> is passed to the reduction's fit (progress, cancellation, checkpoint).
    /// </summary>
    public static ReducedOrderModel Fit(IReduction reduction, IReadOnlyList<ReadOnlyMemory<float>> simulations,
        IReadOnlyList<double[]> parameters, int channels, int gridSize, FitControl? control = null)
    {
        if (simulations.Count != parameters.Count) throw new ArgumentException($"{simulations.Count} simulations for {parameters.Count} parameter points");
        // The stencil is built before the reduction is fitted: parameters it cannot interpolate should be refused before
        // minutes of training, not after.
        _ = new ParameterHull(parameters);
        var scaling = ChannelScaling.Fit(simulations, channels, gridSize);
        var scaled = simulations.Select(s => scaling.Apply(s.Span)).ToArray();
        double[][] codes = reduction.Fit(scaled, control);
        return new ReducedOrderModel(reduction, scaling, parameters, codes);
    }

    /// <summary>
    /// The interpolation of the given kind over this model's codes: the one <see cref="Attach"/>ed, else one with default
    /// settings fitted at first use.
    /// </summary>
    public ILatentInterpolation Interpolation(InterpolationKind kind)
    {
        if (!_interpolations.TryGetValue(kind, out var interpolation))
        {
            interpolation = InterpolationKinds.Create(kind);
            interpolation.Fit(Parameters, Codes);
            _interpolations[kind] = interpolation;
        }
        return interpolation;
    }

    /// <summary>
    /// Uses <paramref name="fitted"/> for <paramref name="kind"/> from now on: an interpolation fitted elsewhere to this
    /// model's parameters and codes (one read back from a model folder, or one with other settings).
    /// </summary>
    public void Attach(InterpolationKind kind, ILatentInterpolation fitted) => _interpolations[kind] = fitted;

    /// <summary>
    /// The simulation at <paramref name="parameter"/> in physical units. A point outside the training hull is refused with
    /// an <see cref="InputException"/> naming <paramref name="source"/>, unless <paramref name="allowExtrapolation"/>: then the
    /// interpolation extrapolates (a stencil uses the code of the nearest point of the hull, RBF and the conditioner
    /// evaluate their function there) and the result says so.
    /// </summary>
    public RomPrediction Predict(ReadOnlySpan<double> parameter, InterpolationKind kind, bool allowExtrapolation, string source = "parameter")
    {
        var latent = Interpolation(kind).Predict(parameter);
        if (latent.Extrapolated && !allowExtrapolation)
            throw new InputException(source, Describe(parameter),
                "lies outside the hull of the training parameters, where the model can only extrapolate (allow extrapolation to predict there anyway)");
        return new RomPrediction(Scaling.Invert(Reduction.Decode(latent.Code)), latent);
    }

    /// <summary>A simulation projected onto the reduction and back (encode then decode): the reduction's own error, without interpolation.</summary>
    public float[] Reconstruct(ReadOnlySpan<float> simulation) =>
        Scaling.Invert(Reduction.Decode(Reduction.Encode(Scaling.Apply(simulation))));

    /// <summary>A parameter point as "(a, b)" in invariant culture.</summary>
    public static string Describe(ReadOnlySpan<double> parameter) =>
        "(" + string.Join(", ", parameter.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + ")";
}

/// <summary>A predicted simulation in physical units, with the latent code behind it.</summary>
public sealed record RomPrediction(float[] Simulation, LatentPrediction Latent);
