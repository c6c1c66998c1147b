namespace DeepRom.Models.Vae;

/// <summary>How the semi-supervised term sees the labels: as given (the reference's) or standardised (see <see cref="LabelStandardisation"/>).</summary>
public enum LabelScaling
{
    /// <summary>The reference's: q(z | y) is asked to put the label itself at z.</summary>
    None,

    /// <summary>Labels are shifted and scaled to mean 0, standard deviation 1 over the labelled samples first.</summary>
    Standardised,
}
