using DeepRom.Bench;

string which = args.Length > 0 ? args[0] : "help";
int count = args.Length > 1 ? int.Parse(args[1]) : 0;
Console.WriteLine(which switch
{
    "darcy" => DarcyBench.Run(count > 0 ? count : 1024),
    "vae-step" => VaeStepBench.Run(count > 0 ? count : 20),
    "vae-profile" => VaeProfile.Run(count > 0 ? count : 10),
    _ => "usage: DeepRom.Bench darcy [samples] | vae-step [steps]",
});
