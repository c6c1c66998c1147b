using DeepRom.Cli;
using DeepRom.Hosting;

NativeHeap.KeepFreedMemory();
return await DeepRomCli.RunAsync(args, Console.Out, Console.Error);
