using DeepRom.Bench;

string which = args.Length > 0 ? args[0] : "help";
int count = args.Length > 1 ? int.Parse(args[1]) : 0;
Console.WriteLine(which switch
{
    "vae-step" => VaeStepBench.Run(count > 0 ? count : 20),
    _ => "usage: DeepRom.Bench vae-step [steps]",
});
