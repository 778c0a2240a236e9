using Provisioning.Storage.Tests.Contract;

namespace Provisioning.Storage.Tests.Postgres;

/// <summary>The store contract suite run against the PostgreSQL store (needs PROVISIONING_TEST_PG).</summary>
public sealed class PostgresStoreContractTests(PostgresStoreFixture fixture) : StoreContractTests<PostgresStoreFixture>(fixture);
