using TorchSharp;
public class TorchLoads { [Fact] public void Tensor() { using var t = torch.ones(3); Assert.Equal(3f, t.sum().item<float>()); } }
