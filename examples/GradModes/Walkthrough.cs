using System.Runtime.CompilerServices;
using Sharpgrad;
using Sharpgrad.NN;
using Spectre.Console;

namespace GradModes;

/// <summary>
/// Part 1: the seed chapter's demonstrations, in its order. Each snippet shown is the very code that
/// runs (CallerArgumentExpression), and each output line is printed by that code.
/// </summary>
public sealed class Walkthrough(IAnsiConsole console)
{
    private readonly List<string> _printed = [];
    private static readonly Style OutputStyle = new(Color.Green, decoration: Decoration.Bold);

    /// <summary>Every line the demonstrations printed, in order.</summary>
    public IReadOnlyList<string> Printed => _printed;

    /// <summary>Runs every demonstration and returns the lines they printed.</summary>
    public IReadOnlyList<string> Run()
    {
        Module model = null!;
        Tensor x = null!, y = null!, yPred = null!, loss = null!, z = null!;

        Header("Part 1 · Grad modes, live",
            "Autograd keeps a ledger (the graph) while tensors that require grad flow through ops. " +
            "The modes below decide whether that ledger is kept; they never change the numbers.");

        Section("Autograd.NoGrad(): pause the bookkeeping",
            "In the default mode, a forward pass through a model with trainable parameters is recorded:");
        Demo(() =>
        {
            Tensor.ManualSeed(0);
            model = new Linear(6, 1);
            x = Tensor.Randn([10, 6]);
            y = Tensor.Randn([10, 1]);
            yPred = model.Forward(x);
            Print($"`y_pred.requires_grad` before `no_grad()`: {yPred.RequiresGrad}");
        });
        Say("The same forward pass inside NoGrad computes the same values, but nothing is tracked:");
        Demo(() =>
        {
            using (Autograd.NoGrad())
            {
                yPred = model.Forward(x);
                Print($"`y_pred.requires_grad` inside `no_grad()`: {yPred.RequiresGrad}");
            }
        });
        Say("A loss computed from the untracked y_pred (and a y that needs no grad) is outside the graph too:");
        Demo(() =>
        {
            loss = Functional.MseLoss(yPred, y);
            try
            {
                loss.Backward();
            }
            catch (InvalidOperationException e)
            {
                Print($"RuntimeError: {e.Message}");
            }
        });
        Say("NoGrad does not touch a tensor's own requires_grad; it only stops recording new computations:");
        Demo(() =>
        {
            x = Tensor.Randn([10, 6], requiresGrad: true);
            using (Autograd.NoGrad())
            {
                yPred = model.Forward(x);
                Print($"`x.requires_grad` inside `no_grad()`: {x.RequiresGrad}");
                Print($"`y_pred.requires_grad` inside `no_grad()`: {yPred.RequiresGrad}");
            }
        });
        Say("A tensor created inside NoGrad can rejoin autograd later with RequiresGrad_():");
        Demo(() =>
        {
            using (Autograd.NoGrad())
            {
                x = Tensor.Randn([10, 6]);
                Print($"`x.requires_grad` inside `no_grad()`: {x.RequiresGrad}");
            }
            x.RequiresGrad_();
            Print($"`x.requires_grad` after `requires_grad_()`: {x.RequiresGrad}");
        });

        Section("Autograd.EnableGrad(): start the bookkeeping again",
            "Modes nest like a stack: EnableGrad inside NoGrad records just its own block.");
        Demo(() =>
        {
            x = Tensor.Randn([10, 6], requiresGrad: true);
            using (Autograd.NoGrad())
            {
                y = x * 3; // not recorded
                Print($"`y.requires_grad` in `no_grad()`: {y.RequiresGrad}");
                using (Autograd.EnableGrad())
                {
                    z = x * 4; // recorded again
                    Print($"`z.requires_grad` in `enable_grad()`: {z.RequiresGrad}");
                }
            }
            // Only z has a graph, so only z can be differentiated
            z.Backward(gradient: Tensor.OnesLike(z));
        });
        Say("SetGradEnabled(bool) is the general switch: true is EnableGrad, false is NoGrad.");
        Demo(() =>
        {
            foreach (bool isTraining in new[] { true, false })
            {
                using (Autograd.SetGradEnabled(isTraining))
                {
                    y = x * 2;
                }
                Print($"`y.requires_grad` with `set_grad_enabled({isTraining})`: {y.RequiresGrad}");
            }
        });

        Section("Autograd.InferenceMode(): do not keep the ledger at all from now on",
            "A tensor created inside NoGrad can still opt back in later:");
        Demo(() =>
        {
            using (Autograd.NoGrad())
            {
                x = Tensor.Randn([10, 6]);
            }
            x.RequiresGrad_();
            Print($"`x.requires_grad` after `requires_grad_`: {x.RequiresGrad}");
        });
        Say("A tensor created inside InferenceMode is an inference tensor: it can never opt back in.");
        Demo(() =>
        {
            using (Autograd.InferenceMode())
            {
                x = Tensor.Randn([10, 6]);
            }
            try
            {
                x.RequiresGrad_(true);
            }
            catch (InvalidOperationException e)
            {
                Print($"RuntimeError: {e.Message}");
            }
        });
        SummaryTable();
        return _printed;
    }

    private void Print(string line)
    {
        _printed.Add(line);
        console.Write(new Text(line, OutputStyle));
        console.WriteLine();
    }

    private void Demo(Action body, [CallerArgumentExpression(nameof(body))] string code = "")
    {
        console.Write(new Panel(new Text(Snippet.FromLambda(code), new Style(Color.Grey70)))
            .Header("[grey]C#[/]").Border(BoxBorder.Rounded).BorderColor(Color.Grey39));
        body();
        console.WriteLine();
    }

    private void Header(string title, string text)
    {
        console.Write(new Rule($"[bold yellow]{Markup.Escape(title)}[/]").LeftJustified());
        Say(text);
    }

    private void Section(string title, string text)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified().RuleStyle("grey"));
        Say(text);
    }

    private void Say(string text)
    {
        console.Write(new Text(text));
        console.WriteLine();
    }

    /// <summary>The three semantics side by side, each cell found by running the code under that mode.</summary>
    private void SummaryTable()
    {
        var t = new Table().Border(TableBorder.Rounded).Title("The three modes, probed on the spot");
        t.AddColumn("mode");
        t.AddColumn("result has a GradFn");
        t.AddColumn("result keeps a version counter");
        t.AddColumn("result can rejoin autograd later");
        foreach (var (name, enter) in ModeScopes.All)
        {
            var leaf = Tensor.Randn([4], requiresGrad: true);
            Tensor r;
            using (enter()) r = leaf * 2;
            bool hasVersion = Try(() => _ = r.Version);
            var detached = r.GradFn is null ? r : r.Detach();
            bool canRejoin = Try(() => detached.RequiresGrad_());
            t.AddRow(name, YesNo(r.GradFn is not null), YesNo(hasVersion), YesNo(canRejoin));
        }
        console.Write(t);
        console.WriteLine();
    }

    private static string YesNo(bool b) => b ? "yes" : "no";

    private static bool Try(Action a)
    {
        try
        {
            a();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
