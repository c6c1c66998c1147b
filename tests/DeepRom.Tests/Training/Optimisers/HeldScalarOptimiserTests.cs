using DeepRom.Training.Optimisers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepRom.Tests.Training.Optimisers;

/// <summary>The held-scalar optimisers take the same steps as TorchSharp's, bit for bit, and share their checkpoint format.</summary>
public class HeldScalarOptimiserTests
{
    public static TheoryData<string, double> Rules() => new()
    {
        { "adam", 0 }, { "adam", 0.05 }, { "adamw", 0 }, { "adamw", 0.05 }, { "adamax", 0 }, { "adamax", 0.05 },
    };

    private static OptimizerHelper Held(string rule, IEnumerable<Parameter> p, double decay) => rule switch
    {
        "adam" => new DeepRom.Training.Optimisers.Adam(p, 0.01, decay),
        "adamw" => new DeepRom.Training.Optimisers.AdamW(p, 0.01, decay),
        _ => new DeepRom.Training.Optimisers.Adamax(p, 0.01, decay),
    };

    private static OptimizerHelper BuiltIn(string rule, IEnumerable<Parameter> p, double decay) => rule switch
    {
        "adam" => torch.optim.Adam(p, lr: 0.01, weight_decay: decay),
        "adamw" => torch.optim.AdamW(p, lr: 0.01, weight_decay: decay),
        _ => torch.optim.Adamax(p, lr: 0.01, weight_decay: decay),
    };

    private static nn.Module<Tensor, Tensor> Network()
    {
        torch.manual_seed(7);
        return nn.Sequential(nn.Linear(5, 16), nn.Tanh(), nn.Linear(16, 3));
    }

    private static void Steps(nn.Module<Tensor, Tensor> net, OptimizerHelper optimiser, int from, int count)
    {
        for (int k = from; k < from + count; k++)
        {
            using var scope = torch.NewDisposeScope();
            torch.manual_seed(100 + k);
            Tensor x = torch.randn(8, 5), y = torch.randn(8, 3);
            optimiser.zero_grad();
            (net.call(x) - y).square().mean().backward();
            optimiser.step();
        }
    }

    private static float[][] Weights(nn.Module net) => net.parameters().Select(p => p.data<float>().ToArray()).ToArray();

    [Theory]
    [MemberData(nameof(Rules))]
    public void Twenty_steps_match_TorchSharps_own_optimiser_bit_for_bit(string rule, double decay)
    {
        using var a = Network();
        using var b = Network();
        using var held = Held(rule, a.parameters(), decay);
        using var builtIn = BuiltIn(rule, b.parameters(), decay);

        Steps(a, held, 0, 20);
        Steps(b, builtIn, 0, 20);

        float[][] wa = Weights(a), wb = Weights(b);
        Assert.NotEqual(Weights(Network()).SelectMany(w => w), wa.SelectMany(w => w)); // the steps moved the weights
        for (int i = 0; i < wa.Length; i++) Assert.Equal(wb[i], wa[i]);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_state_saved_by_one_resumes_in_the_other_on_the_same_path(string rule, double decay)
    {
        Resumes(rule, decay, heldFirst: true);
        Resumes(rule, decay, heldFirst: false); // a checkpoint written before the held-scalar optimisers existed
    }

    private static void Resumes(string rule, double decay, bool heldFirst)
    {
        string file = Path.Combine(Path.GetTempPath(), $"deeprom-optimiser-{Guid.NewGuid():N}.bin");
        try
        {
            using var a = Network();
            using var b = Network();
            using var first = heldFirst ? Held(rule, a.parameters(), decay) : BuiltIn(rule, a.parameters(), decay);
            Steps(a, first, 0, 5);
            first.save_state_dict(file);
            b.load_state_dict(a.state_dict());

            using var second = heldFirst ? BuiltIn(rule, b.parameters(), decay) : Held(rule, b.parameters(), decay);
            second.load_state_dict(file);
            Steps(a, first, 5, 5);
            Steps(b, second, 5, 5);

            float[][] wa = Weights(a), wb = Weights(b);
            for (int i = 0; i < wa.Length; i++) Assert.Equal(wb[i], wa[i]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
