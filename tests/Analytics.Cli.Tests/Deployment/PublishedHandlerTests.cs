using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Analytics.Cli.Deployment;
using Analytics.Testing;
using Xunit.Abstractions;

namespace Analytics.Cli.Tests.Deployment;

/// <summary>The Functions project published for Lambda (linux-x64, ReadyToRun, framework-dependent) once per run.</summary>
public sealed class PublishedFunctions : IAsyncLifetime
{
    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("analytics-publish-");

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public async Task InitializeAsync() =>
        (ExitCode, Output) = await ExternalTool.RunAsync("dotnet", SharedFolder.Repository,
            "publish", Path.Combine("src", "Analytics.Functions", "Analytics.Functions.csproj"), "-c", "Release", "-r", "linux-x64",
            "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", Folder.FullName, "-nologo");

    public Task DisposeAsync()
    {
        Folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Every function's handler string resolves on the published assembly the way the Lambda .NET runtime resolves it:
/// <c>Assembly::Type::Method</c>, a public type with a public parameterless constructor, and a public instance method
/// (its own or inherited) that takes a <see cref="Stream"/> and returns <see cref="Stream"/> or <c>Task&lt;Stream&gt;</c>.
/// </summary>
public sealed class PublishedHandlerTests(PublishedFunctions published, ITestOutputHelper output) : IClassFixture<PublishedFunctions>
{
    [Fact]
    public void Publish_ForLinuxReadyToRun_SucceedsAndReportsThePackageSize()
    {
        Assert.True(published.ExitCode == 0, published.Output);
        using var zip = new MemoryStream();
        ZipFile.CreateFromDirectory(published.Folder.FullName, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
        var files = published.Folder.GetFiles("*", SearchOption.AllDirectories);
        output.WriteLine($"Published {files.Length} files, {files.Sum(f => f.Length) / 1e6:F1} MB; the Lambda package (zip) is {zip.Length / 1e6:F1} MB.");
        Assert.True(File.Exists(Path.Combine(published.Folder.FullName, "Analytics.Functions.runtimeconfig.json")));
    }

    [Fact]
    public void Handlers_OfTheTemplate_ResolveOnThePublishedAssembly()
    {
        Assert.True(published.ExitCode == 0, published.Output);
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFolder.Repository, SamTemplate.FileName)))!;
        var handlers = template["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::Serverless::Function")
            .Select(r => (Id: r.Key, Handler: (string)r.Value!["Properties"]!["Handler"]!)).ToList();
        Assert.NotEmpty(handlers);

        var context = new PublishedContext(Path.Combine(published.Folder.FullName, "Analytics.Functions.dll"));
        try
        {
            foreach (var (id, handler) in handlers)
            {
                Assert.True(Resolves(context, handler, out var why), $"{id}: {handler}: {why}");
            }

            Assert.False(Resolves(context, "Analytics.Functions::Analytics.Functions.NoSuchType::HandleAsync", out _));
        }
        finally
        {
            context.Unload();
        }
    }

    private static bool Resolves(AssemblyLoadContext context, string handler, out string why)
    {
        var parts = handler.Split("::");
        if (parts.Length != 3)
        {
            why = "not Assembly::Type::Method";
            return false;
        }

        var assembly = context.LoadFromAssemblyName(new AssemblyName(parts[0]));
        var type = assembly.GetType(parts[1], throwOnError: false);
        if (type is not { IsPublic: true, IsAbstract: false } || type.GetConstructor(Type.EmptyTypes) is not { IsPublic: true })
        {
            why = "no public concrete type with a public parameterless constructor";
            return false;
        }

        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == parts[2]).ToList();
        var fits = methods.Where(m => m.GetParameters() is [var p] && p.ParameterType.FullName == typeof(Stream).FullName
                                      && (m.ReturnType.FullName == typeof(Stream).FullName || m.ReturnType.FullName == typeof(Task<Stream>).FullName)).ToList();
        why = fits.Count == 1 ? "" : $"{fits.Count} public methods {parts[2]}(Stream) returning Stream or Task<Stream>";
        return fits.Count == 1;
    }

    /// <summary>Loads the published assembly and its dependencies from the publish folder, as the runtime would.</summary>
    private sealed class PublishedContext(string mainAssembly) : AssemblyLoadContext("published-functions", isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
