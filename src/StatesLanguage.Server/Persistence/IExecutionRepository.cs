namespace StatesLanguage.Server.Persistence;

/// <summary>Where the service keeps executions, so that a restart loses none: each is saved when it starts (RUNNING,
/// its input and start date) and again when it ends (status, stop date, output or error and cause, all events).</summary>
public interface IExecutionRepository
{
    /// <summary>Inserts or replaces the execution (keyed by its ARN). A reader never sees a half-written one.</summary>
    Task SaveAsync(StoredExecution execution, CancellationToken cancellationToken);

    /// <summary>Every stored execution, in no particular order.</summary>
    Task<IReadOnlyList<StoredExecution>> LoadAllAsync(CancellationToken cancellationToken);
}
