using MathNet.Numerics.LinearAlgebra;

namespace DeepRom.Numerics.LinearAlgebra;

/// <summary>
/// Largest eigenpairs of a symmetric operator by block Lanczos with full reorthogonalisation and Rayleigh-Ritz.
/// </summary>
/// <remarks>
/// A block (not a single start vector) is needed because the covariance has exactly degenerate eigenvalues: a single
/// Krylov sequence sees only one direction of each degenerate eigenspace. The block size must be at least the largest
/// multiplicity wanted (2 for the square's symmetry group). Every new vector is orthogonalised twice against the whole
/// basis (classical Gram-Schmidt, twice); the coefficients are the projected matrix H = Q^T A Q, so A is applied once
/// per basis vector. Convergence is judged by the Ritz residual ||E y||, where E are the coefficients of A Q on the
/// newest block. Sums run in a fixed order on every core split, so the result does not depend on scheduling.
/// </remarks>
internal static class BlockKrylovEigensolver
{
    public delegate void BlockOperator(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y);

    public static (double[] Values, double[][] Vectors) Largest(
        int dimension, int wanted, int blockSize, BlockOperator apply, double tolerance, CancellationToken ct)
    {
        if (wanted < 1 || wanted > dimension) throw new ArgumentOutOfRangeException(nameof(wanted));
        int cap = Math.Min(dimension, 8 * wanted + 256);
        var basis = new List<double[]>();
        var h = new double[cap, cap];
        var rng = new Random(20220601);

        var start = new List<double[]>();
        for (int k = 0; k < Math.Min(blockSize, dimension); k++) start.Add(RandomVector(dimension, rng));
        var (accepted, _) = OrthonormaliseBlock(basis, start, rng, dimension);
        basis.AddRange(accepted);

        int known = 0, lastCheck = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            int blockStart = known, blockEnd = basis.Count;
            var block = basis.GetRange(blockStart, blockEnd - blockStart);
            var products = block.Select(_ => new double[dimension]).ToList();
            apply(block, products);
            var coefficients = Project(basis, products);
            for (int j = 0; j < block.Count; j++)
                for (int k = 0; k < basis.Count; k++) h[k, blockStart + j] = coefficients[k][j];
            // At cap == dimension the last block deflates by itself (at most dimension - basis.Count vectors survive).
            bool roomLeft = basis.Count + block.Count <= cap || cap == dimension;
            var (fresh, r) = roomLeft ? OrthonormaliseBlock(basis, products, rng, dimension) : (new List<double[]>(), new double[0, 0]);
            if (basis.Count + fresh.Count > cap) fresh = fresh.GetRange(0, cap - basis.Count);
            for (int a = 0; a < fresh.Count; a++)
                for (int j = 0; j < block.Count; j++) h[basis.Count + a, blockStart + j] = r[a, j];
            basis.AddRange(fresh);
            known = blockEnd;

            bool exhausted = fresh.Count == 0;
            bool due = known >= wanted + blockSize && known >= lastCheck + Math.Max(2 * blockSize, lastCheck / 5);
            if (!due && !exhausted) continue;
            lastCheck = known;
            var (values, ritz, residuals) = RayleighRitz(h, known, basis.Count, blockStart, blockEnd);
            bool converged = true;
            for (int i = 0; i < wanted; i++)
                if (residuals[i] > tolerance * Math.Abs(values[i])) converged = false;
            if (converged || exhausted)
            {
                if (!converged && known < dimension)
                    throw new InvalidOperationException($"eigensolver did not converge within {cap} basis vectors");
                return (values[..wanted], RitzVectors(basis, ritz, known, wanted, dimension));
            }
        }
    }

    private static double[] RandomVector(int dimension, Random rng)
    {
        var v = new double[dimension];
        for (int i = 0; i < dimension; i++) v[i] = 2 * rng.NextDouble() - 1;
        return v;
    }

    /// <summary>c[k][j] = q_k . w_j, then w_j -= sum_k c[k][j] q_k; done twice, coefficients summed.</summary>
    private static double[][] Project(List<double[]> basis, List<double[]> w)
    {
        int m = basis.Count, b = w.Count;
        var total = new double[m][];
        for (int k = 0; k < m; k++) total[k] = new double[b];
        for (int pass = 0; pass < 2; pass++)
        {
            var c = new double[m][];
            Parallel.For(0, m, k =>
            {
                c[k] = new double[b];
                for (int j = 0; j < b; j++) c[k][j] = Blas1.Dot(basis[k], w[j]);
            });
            int dim = w.Count > 0 ? w[0].Length : 0;
            int chunks = Math.Max(1, Math.Min(8, dim / 512));
            Parallel.For(0, chunks, part =>
            {
                int lo = (int)((long)dim * part / chunks), hi = (int)((long)dim * (part + 1) / chunks);
                for (int k = 0; k < m; k++)
                    for (int j = 0; j < b; j++)
                        Blas1.Axpy(-c[k][j], basis[k].AsSpan(lo, hi - lo), w[j].AsSpan(lo, hi - lo));
            });
            for (int k = 0; k < m; k++)
                for (int j = 0; j < b; j++) total[k][j] += c[k][j];
        }
        return total;
    }

    /// <summary>
    /// Orthonormalises vectors already orthogonal to <paramref name="basis"/> among themselves (modified Gram-Schmidt,
    /// twice). Returns the new vectors and R with w_j = sum_a R[a,j] fresh_a. A vector that collapses (dependent) is
    /// dropped and replaced by a random direction, which keeps the block size without touching R.
    /// </summary>
    private static (List<double[]> Fresh, double[,] R) OrthonormaliseBlock(
        List<double[]> basis, List<double[]> w, Random rng, int dimension)
    {
        var fresh = new List<double[]>();
        var r = new double[w.Count, w.Count];
        for (int j = 0; j < w.Count; j++)
        {
            double original = Math.Sqrt(Blas1.Dot(w[j], w[j]));
            var v = w[j];
            for (int pass = 0; pass < 2; pass++)
                for (int a = 0; a < fresh.Count; a++)
                {
                    double c = Blas1.Dot(fresh[a], v);
                    Blas1.Axpy(-c, fresh[a], v);
                    r[a, j] += c;
                }
            double norm = Math.Sqrt(Blas1.Dot(v, v));
            if (norm > 1e-10 * original && original > 0)
            {
                for (int i = 0; i < v.Length; i++) v[i] /= norm;
                r[fresh.Count, j] = norm;
                fresh.Add(v);
            }
        }
        int missing = w.Count - fresh.Count;
        for (int attempt = 0; attempt < 3 * missing && fresh.Count < w.Count && basis.Count + fresh.Count < dimension; attempt++)
        {
            var v = RandomVector(dimension, rng);
            var one = new List<double[]> { v };
            Project(basis, one);
            for (int pass = 0; pass < 2; pass++)
                foreach (var f in fresh) Blas1.Axpy(-Blas1.Dot(f, v), f, v);
            double norm = Math.Sqrt(Blas1.Dot(v, v));
            if (norm < 1e-8) continue;
            for (int i = 0; i < v.Length; i++) v[i] /= norm;
            fresh.Add(v);
        }
        return (fresh, r);
    }

    private static (double[] Values, double[][] Ritz, double[] Residuals) RayleighRitz(
        double[,] h, int known, int total, int blockStart, int blockEnd)
    {
        var sym = Matrix<double>.Build.Dense(known, known, (a, b) => 0.5 * (h[a, b] + h[b, a]));
        var evd = sym.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var order = Enumerable.Range(0, known).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        var values = new double[known];
        var ritz = new double[known][];
        var residuals = new double[known];
        for (int o = 0; o < known; o++)
        {
            int i = order[o];
            values[o] = evd.EigenValues[i].Real;
            ritz[o] = evd.EigenVectors.Column(i).ToArray();
            double sum = 0;
            for (int a = known; a < total; a++)
            {
                double e = 0;
                for (int j = blockStart; j < blockEnd; j++) e += h[a, j] * ritz[o][j];
                sum += e * e;
            }
            residuals[o] = Math.Sqrt(sum);
        }
        return (values, ritz, residuals);
    }

    private static double[][] RitzVectors(List<double[]> basis, double[][] ritz, int known, int wanted, int dimension)
    {
        var vectors = new double[wanted][];
        Parallel.For(0, wanted, o =>
        {
            var x = new double[dimension];
            for (int k = 0; k < known; k++) Blas1.Axpy(ritz[o][k], basis[k], x);
            double norm = Math.Sqrt(Blas1.Dot(x, x));
            for (int i = 0; i < dimension; i++) x[i] /= norm;
            vectors[o] = x;
        });
        return vectors;
    }
}
