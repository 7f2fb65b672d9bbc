using StatesLanguage.Definition;

namespace StatesLanguage.Evaluation.States;

/// <summary>Runs one state type. Executors are stateless singletons; per-entry data lives in <see cref="StateRun"/>.</summary>
internal interface IStateExecutor
{
    ValueTask<StateOutcome> ExecuteAsync(StateDefinition state, StateData input, StateRun run);
}
