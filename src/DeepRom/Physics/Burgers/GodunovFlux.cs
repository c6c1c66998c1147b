namespace DeepRom.Physics.Burgers;

/// <summary>The Godunov numerical flux of Burgers' equation, f(w) = w^2 / 2: the flux of the exact Riemann solution at the face.</summary>
public static class GodunovFlux
{
    /// <summary>
    /// For a convex flux the Godunov flux is the minimum of f over [left, right] when left &lt;= right (rarefaction)
    /// and the maximum over [right, left] otherwise (shock). For positive states both reduce to the upwind flux f(left).
    /// </summary>
    public static double Burgers(double left, double right)
    {
        if (left <= right)
        {
            if (left >= 0) return 0.5 * left * left;
            if (right <= 0) return 0.5 * right * right;
            return 0; // transonic rarefaction: the fan contains the sonic state w = 0 at the face
        }
        // Shock with speed (left + right) / 2: the upwind side is the one with the larger |w|.
        return 0.5 * Math.Max(left * left, right * right);
    }
}
