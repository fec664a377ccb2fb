using GradModes;

return App.Run(args, Console.Out, Console.Error, Console.IsOutputRedirected);
