namespace Sharpgrad.Tests.AutogradTests;

/// <summary>
/// Note [Grad mode per async flow]'s machinery: ops read a thread-static mirror of the flow's mode, and a
/// scope that ends where it began switches back to its starting context instead of writing. These pin the
/// cases where either shortcut could go wrong.
/// </summary>
public class ModeContextTests
{
    private static (bool Grad, bool Inference) Mode => (Autograd.IsGradEnabled, Autograd.IsInferenceModeEnabled);
    private static readonly (bool, bool) Default = (true, false);

    [Fact]
    public Task OtherAsyncLocalsWrittenInsideAScopeOutliveIt() => Task.Run(() =>
    {
        var other = new AsyncLocal<int>();
        using (Autograd.NoGrad()) other.Value = 5;
        Assert.Equal(5, other.Value);
        Assert.Equal(Default, Mode);
        using (Autograd.InferenceMode()) Assert.Equal(5, other.Value);
        Assert.Equal((5, Default), (other.Value, Mode));
    });

    [Fact]
    public Task RepeatedScopesFromOnePlaceEachRestore() => Task.Run(() =>
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        for (int i = 0; i < 3; i++)
        {
            using (Autograd.NoGrad())
            {
                Assert.Equal((false, false), Mode);
                using (Autograd.EnableGrad()) Assert.True((x * 2.0).RequiresGrad);
                Assert.False((x * 2.0).RequiresGrad);
            }
            Assert.True((x * 2.0).RequiresGrad);
        }
    });

    [Fact]
    public Task AStaleScopeDisposedAgainLeavesAnEqualNewScopeOpen() => Task.Run(() =>
    {
        var first = Autograd.NoGrad();
        first.Dispose();
        var second = Autograd.NoGrad(); // same kind, same starting context as `first`
        first.Dispose();
        Assert.Equal((false, false), Mode);
        second.Dispose();
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public Task ScopesWorkWhileFlowIsSuppressed() => Task.Run(() =>
    {
        using (ExecutionContext.SuppressFlow())
        {
            using (Autograd.InferenceMode())
            {
                Assert.Equal((false, true), Mode);
                Assert.True(Tensor.Ones([2]).IsInference);
            }
            Assert.Equal(Default, Mode);
        }
        Assert.Equal(Default, Mode);
    });

    [Fact]
    public async Task AScopeDisposedOnAnotherThreadAfterAwaitRestoresThere()
    {
        await Task.Run(async () =>
        {
            using (Autograd.NoGrad())
            {
                int before = Environment.CurrentManagedThreadId;
                for (int i = 0; i < 20 && Environment.CurrentManagedThreadId == before; i++) await Task.Yield();
                Assert.Equal((false, false), Mode);
            }
            Assert.Equal(Default, Mode);
        });
    }

    [Fact]
    public async Task PoolThreadsThatRanScopedWorkSeeTheDefaultModeAfterwards()
    {
        // Work items queued from inside a scope carry it; the mirror must follow every context switch,
        // so a pool thread that just ran such an item reads the default mode for the next one.
        Task<(bool, bool)>[] scoped, plain;
        using (Autograd.InferenceMode())
            scoped = Enumerable.Range(0, 32).Select(_ => Task.Run(() => Mode)).ToArray();
        plain = Enumerable.Range(0, 32).Select(_ => Task.Run(() => Mode)).ToArray();
        Assert.All(await Task.WhenAll(scoped), m => Assert.Equal((false, true), m));
        Assert.All(await Task.WhenAll(plain), m => Assert.Equal(Default, m));
    }

    [Fact]
    public async Task ManyFlowsNestingScopesConcurrentlyEachSeeTheirOwnMode()
    {
        // Every flow pushes the same kinds from the same contexts, so they share the last-push cache and
        // its mode objects; each must still see exactly the mode its own scopes set.
        var failures = 0;
        var flows = Enumerable.Range(0, 8).Select(f => Task.Run(async () =>
        {
            for (int i = 0; i < 2000; i++)
            {
                bool ok = Mode == Default;
                using (Autograd.NoGrad())
                {
                    ok &= Mode == (false, false);
                    using (i % 3 == f % 3 ? Autograd.InferenceMode() : Autograd.EnableGrad())
                    {
                        ok &= Mode == (i % 3 == f % 3 ? (false, true) : (true, false));
                        if (i % 100 == 0) await Task.Yield();
                        ok &= Mode == (i % 3 == f % 3 ? (false, true) : (true, false));
                    }
                    ok &= Mode == (false, false);
                }
                ok &= Mode == Default;
                if (!ok) Interlocked.Increment(ref failures);
            }
        })).ToArray();
        await Task.WhenAll(flows);
        Assert.Equal(0, failures);
    }
}
