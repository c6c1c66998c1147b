using DeepRom.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepRom.Models.Vae;

/// <summary>
/// The VAE's training objective on a fixed set of fields: minibatch ELBO-style loss, plus the semi-supervised
/// term on the labelled samples. As in the reference (whose semi-supervised runs used the whole set as one batch),
/// every minibatch also carries all labelled samples, so the few labels act at every step. The objective owns the
/// schedule of the KL weight beta: set at every epoch start, moved after every step by the adaptive rule.
/// </summary>
public sealed class VaeObjective : ITrainable, IDisposable
{
    private readonly DenseVae vae;
    private readonly Tensor fields;
    private readonly Tensor? labels;
    private readonly long[] labelled;
    private readonly LossNormalisation normalisation;
    private readonly double labelWeight;
    private readonly BetaSchedule betaSchedule;
    private int epoch;
    private double beta;
    private bool regularise;

    /// <param name="vae">The model.</param>
    /// <param name="fields">Training fields (N, C, H, W), float32.</param>
    /// <param name="labels">Generative parameters (N, d) used as labels for the rows in <paramref name="labelled"/>.</param>
    /// <param name="labelled">Indices of labelled samples (empty for unsupervised training).</param>
    /// <param name="betaSchedule">Weight of the KL term over training; null = <see cref="BetaSchedule.Reference"/>(0).</param>
    public VaeObjective(DenseVae vae, Tensor fields, Tensor? labels, IReadOnlyList<int> labelled,
        LossNormalisation normalisation, BetaSchedule? betaSchedule = null, double labelWeight = 1.0)
    {
        if (labelled.Count > 0 && labels is null) throw new ArgumentException("labelled samples need labels");
        if (labels is not null && labels.shape[1] != vae.Config.Latents && labelled.Count > 0)
            throw new ArgumentException($"labels have {labels.shape[1]} parameters but the model {vae.Config.Latents} latents");
        this.vae = vae;
        this.fields = fields;
        this.labels = labels;
        this.labelled = labelled.Select(i => (long)i).ToArray();
        this.normalisation = normalisation;
        this.labelWeight = labelWeight;
        this.betaSchedule = betaSchedule ?? BetaSchedule.Reference(0);
    }

    public nn.Module Module => vae;

    public int SampleCount => (int)fields.shape[0];

    /// <summary>The KL weight now (0 in the reconstruction-only phase).</summary>
    public double Beta => beta;

    public IReadOnlyDictionary<string, double> Schedule => new Dictionary<string, double> { ["beta"] = beta };

    public void RestoreSchedule(IReadOnlyDictionary<string, double> values) => beta = values.GetValueOrDefault("beta");

    public void BeginEpoch(int epoch)
    {
        this.epoch = epoch;
        beta = betaSchedule.AtEpochStart(epoch, beta);
        regularise = betaSchedule.Regularises(epoch);
    }

    // The adaptive rule reads the per-pixel reconstruction NLL of the step just taken.
    public void AfterStep(StepLoss loss) => beta = betaSchedule.AfterStep(epoch, beta, loss.Parts["rec_nll"]);

    public StepLoss Loss(Tensor indices)
    {
        using var scope = NewDisposeScope();
        Tensor rows = indices;
        Tensor? labelRows = null, labelPositions = null;
        if (labelled.Length > 0)
        {
            using var extra = tensor(labelled);
            rows = cat(new[] { indices, extra });
            labelRows = labels!.index_select(0, extra);
            labelPositions = arange(indices.shape[0], rows.shape[0], dtype: int64);
        }
        Tensor y = fields.index_select(0, rows);
        VaeLoss loss = vae.Loss(y, beta, regularise, normalisation, labelRows, labelPositions, labelWeight);
        var parts = new Dictionary<string, double> { ["rec_nll"] = loss.Reconstruction };
        if (regularise) parts["kl"] = loss.Regularisation;
        if (labelled.Length > 0) parts["ss"] = loss.Supervision;
        return new StepLoss(loss.Total.MoveToOuterDisposeScope(), parts);
    }

    public void Dispose()
    {
        fields.Dispose();
        labels?.Dispose();
    }
}
