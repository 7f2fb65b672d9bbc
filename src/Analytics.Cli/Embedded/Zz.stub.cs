using Microsoft.Extensions.DependencyInjection;
namespace Analytics.Cli.Embedded;
internal static class EmbStub { public static IServiceCollection AddEmbeddedAdapters(this IServiceCollection s, string d) => s; }
