// libtorch has one global random generator; tests that seed it (manual_seed) and then draw from it must not
// interleave with tests in other classes doing the same, or "same seed, same weights" fails at random.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
