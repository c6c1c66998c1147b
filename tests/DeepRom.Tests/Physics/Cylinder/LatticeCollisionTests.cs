using System.Runtime.Intrinsics;
using CsCheck;
using DeepRom.Physics.Cylinder;

namespace DeepRom.Tests.Physics.Cylinder;

/// <summary>The D2Q9 equilibrium and the TRT collision: moments, conservation, fixed point and the vector form.</summary>
public class LatticeCollisionTests
{
    private static readonly Gen<(double Rho, double Ux, double Uy)> State = Gen.Select(Gen.Double[0.8, 1.2], Gen.Double[-0.15, 0.15], Gen.Double[-0.15, 0.15]);

    // Populations near an equilibrium with a random non-equilibrium part, as a lattice carries them.
    private static readonly Gen<double[]> Populations = Gen.Select(State, Gen.Double[-0.01, 0.01].Array[9])
        .Select((s, noise) =>
        {
            var f = new double[9];
            D2Q9.EquilibriumForVelocity(s.Rho, s.Ux, s.Uy, f);
            for (int q = 0; q < 9; q++) f[q] += noise[q] * D2Q9.W[q];
            return f;
        });

    [Fact]
    public void The_equilibrium_has_density_momentum_and_the_isothermal_momentum_flux()
    {
        State.Sample((rho, ux, uy) =>
        {
            var feq = new double[9];
            D2Q9.EquilibriumForVelocity(rho, ux, uy, feq);
            var (r, jx, jy) = D2Q9.Moments(feq);
            double pxx = 0, pxy = 0;
            for (int q = 0; q < 9; q++)
            {
                pxx += D2Q9.Cx[q] * D2Q9.Cx[q] * feq[q];
                pxy += D2Q9.Cx[q] * D2Q9.Cy[q] * feq[q];
            }
            return Math.Abs(r - rho) < 1e-14 && Math.Abs(jx - rho * ux) < 1e-14 && Math.Abs(jy - rho * uy) < 1e-14
                && Math.Abs(pxx - (rho / 3 + rho * ux * ux)) < 1e-14 && Math.Abs(pxy - rho * ux * uy) < 1e-14;
        });
    }

    [Fact]
    public void Collision_conserves_mass_and_momentum_and_leaves_the_equilibrium_unchanged()
    {
        Gen.Select(Populations, Gen.Double[0.501, 2], State).Sample((f, tau, s) =>
        {
            var collision = TrtCollision.ForViscosity((tau - 0.5) / 3);
            var before = D2Q9.Moments(f);
            var g = (double[])f.Clone();
            collision.Collide(g);
            var after = D2Q9.Moments(g);
            var feq = new double[9];
            D2Q9.EquilibriumForVelocity(s.Rho, s.Ux, s.Uy, feq);
            var relaxed = (double[])feq.Clone();
            collision.Collide(relaxed);
            return Math.Abs(before.Rho - after.Rho) < 1e-14 && Math.Abs(before.Jx - after.Jx) < 1e-14 && Math.Abs(before.Jy - after.Jy) < 1e-14
                && feq.Zip(relaxed).All(p => Math.Abs(p.First - p.Second) < 1e-15);
        });
    }

    [Fact]
    public void The_rates_give_the_viscosity_and_the_magic_parameter()
    {
        Gen.Double[1e-3, 1].Sample(nu =>
        {
            var c = TrtCollision.ForViscosity(nu);
            double magic = (1 / c.OmegaPlus - 0.5) * (1 / c.OmegaMinus - 0.5);
            return Math.Abs((1 / c.OmegaPlus - 0.5) / 3 - nu) < 1e-14 * Math.Max(1, nu) && Math.Abs(magic - TrtCollision.Magic) < 1e-12;
        });
    }

    [Fact]
    public void The_vector_collision_equals_the_scalar_one_lane_by_lane()
    {
        Gen.Select(Populations.Array[4], Gen.Double[0.501, 2]).Sample((nodes, tau) =>
        {
            var collision = TrtCollision.ForViscosity((tau - 0.5) / 3);
            var v = new Vector256<double>[9];
            for (int q = 0; q < 9; q++) v[q] = Vector256.Create(nodes[0][q], nodes[1][q], nodes[2][q], nodes[3][q]);
            collision.Collide(ref v[0], ref v[1], ref v[2], ref v[3], ref v[4], ref v[5], ref v[6], ref v[7], ref v[8]);
            for (int lane = 0; lane < 4; lane++)
            {
                var f = (double[])nodes[lane].Clone();
                collision.Collide(f);
                for (int q = 0; q < 9; q++)
                    if (Math.Abs(f[q] - v[q][lane]) > 1e-15) return false;
            }
            return true;
        });
    }
}
