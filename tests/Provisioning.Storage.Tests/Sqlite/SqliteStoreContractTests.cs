using Provisioning.Storage.Tests.Contract;

namespace Provisioning.Storage.Tests.Sqlite;

/// <summary>The store contract suite run against the embedded SQLite store.</summary>
public sealed class SqliteStoreContractTests(SqliteStoreFixture fixture) : StoreContractTests<SqliteStoreFixture>(fixture);
