using DeepRom.Cli;

return await DeepRomCli.RunAsync(args, Console.Out, Console.Error);
