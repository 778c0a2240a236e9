using System.Security.Cryptography;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>
/// The contract every <see cref="IProvisioningStore"/> keeps, written once against the interface only; each store runs
/// it through a sealed subclass with its own fixture. Every test gets a fresh database and makes its own data.
/// </summary>
public abstract partial class StoreContractTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : class, IStoreFixture
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Alphanumerics = Letters + "0123456789";

    /// <summary>A fixed point in time with whole milliseconds, which every store keeps exactly.</summary>
    protected static readonly DateTimeOffset T0 = new(2031, 5, 17, 9, 30, 15, 250, TimeSpan.Zero);

    private IProvisioningStore? _store;

    protected IProvisioningStore Store => _store ?? throw new InvalidOperationException("The store is opened before each test.");

    protected static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync() => _store = await fixture.CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>Closes the database and opens it again, as a restart would; <see cref="Store"/> is the new one.</summary>
    protected async Task ReopenAsync()
    {
        var store = Store;
        _store = null;
        _store = await fixture.ReopenAsync(store);
    }

    /// <summary>A random eid that starts with a letter, so that its other case is a different spelling.</summary>
    protected static string NewEid() => RandomNumberGenerator.GetString(Letters, 1) + RandomNumberGenerator.GetString(Alphanumerics, 3);

    protected static string Unique(string prefix) => $"{prefix}-{RandomNumberGenerator.GetHexString(10, lowercase: true)}";

    /// <summary>The same text with the case of every letter swapped.</summary>
    protected static string OtherCase(string text) =>
        string.Concat(text.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));

    protected static T AssertOk<T>(StoreWrite<T> write)
    {
        Assert.True(write.IsOk, $"Expected Ok, got {write.Status} ({write.Key} {write.KeyValue}) {write.Refusal}");
        return write.Value!;
    }

    /// <summary>The status, the key it names and the key's value (none unless given), as a whole.</summary>
    protected static void AssertStatus<T>(WriteStatus expected, StoreKey key, StoreWrite<T> write, string? keyValue = null)
    {
        Assert.Equal(expected, write.Status);
        Assert.Equal((key, keyValue), (write.Key, write.KeyValue));
    }
}
