using Analytics.Functions.Hosting;

namespace Analytics.Cli.Workflows;

/// <summary>
/// The services one step's function runs with. On AWS every function is its own process with its own role; locally
/// every step shares the host's services, unless the host registers this delegate to give each function its own
/// (tests do, to run each step on storage that enforces that function's IAM policy).
/// </summary>
internal delegate IServiceProvider FunctionServices(StepDescriptor step);
