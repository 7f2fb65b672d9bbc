namespace Analytics.Adapters.Tests.Fixtures;

/// <summary>Test classes in this collection share one <see cref="MotoServerFixture"/> (one server per test run).</summary>
[CollectionDefinition(Name)]
public sealed class SharedMotoServer : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto_server";
}
