namespace DeepRom.Models.Hits;

/// <summary>Where the training windows (p + 1 samples spaced by a level's step) are taken along the trajectories.</summary>
public enum WindowSampling
{
    /// <summary>Anywhere along each trajectory, drawn afresh at every step: the networks see the whole state space the data visit.</summary>
    All,

    /// <summary>Only the window starting at t = 0 (the reference): the 1-dt model then only ever sees t in [0, 5 dt].</summary>
    First,

    /// <summary>
    /// Half the draws start at t = 0, half anywhere. A multiscale forecast chains its coarsest level from the initial
    /// state, exactly the first window's use, and steps its finer levels from states all along the trajectory.
    /// </summary>
    Mixed,
}
