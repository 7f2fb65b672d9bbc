using StatesLanguage.Server.StateMachines;

namespace StatesLanguage.Server.Persistence;

/// <summary>Where the service keeps its state machines, so that a restart keeps them.</summary>
public interface IStateMachineRepository
{
    /// <summary>Inserts or replaces the machine (keyed by its name).</summary>
    Task SaveAsync(StateMachineRecord stateMachine, CancellationToken cancellationToken);

    Task DeleteAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<StateMachineRecord>> LoadAllAsync(CancellationToken cancellationToken);
}
