using StatesLanguage.Definition;
using StatesLanguage.Evaluation.Jsonata;

namespace StatesLanguage.Validation;

/// <summary>
/// What a JSONata expression of a state may read, checked when the definition is read, as Step Functions does
/// (UNSUPPORTED_JSONATA_EXPRESSION, with AWS's messages):
/// - there is no input document: a path that starts from a name (<c>phone</c>, <c>$count(items)</c>) reads nothing,
///   and the state data is <c>$states.input</c>; <c>$$</c> is refused too;
/// - <c>$states.result</c> exists only in a Task's, Parallel's or Map's own Output and Assign, and
///   <c>$states.errorOutput</c> only in a catcher's Output and Assign.
/// </summary>
internal static class JsonataReferenceChecker
{
    public static void Check(StateMachineDefinition machine, string path, List<AslDiagnostic> diagnostics)
    {
        foreach (var (name, state) in machine.States)
        {
            var statePath = AslPath.Member($"{path}.States", name);
            foreach (var template in StateTemplates.Of(state))
            {
                foreach (var (queryPath, query) in template.Template.Queries($"{statePath}.{template.Field}"))
                    CheckQuery(query, template.Reads, queryPath, diagnostics);
            }
            switch (state)
            {
                case ParallelState parallel:
                    for (var i = 0; i < parallel.Branches.Count; i++)
                        Check(parallel.Branches[i], $"{statePath}.Branches[{i}]", diagnostics);
                    break;
                case MapState map:
                    Check(map.ItemProcessor, $"{statePath}.ItemProcessor", diagnostics);
                    break;
            }
        }
    }

    private static void CheckQuery(JsonataQuery query, StatesData available, string path, List<AslDiagnostic> diagnostics)
    {
        var expression = query.Expression;
        foreach (var name in expression.InputNames)
            Unsupported($"Reference to '{name}' at the top level is not supported.");
        if (expression.ReadsRoot)
            Unsupported("Reference to '$$' is not supported.");
        foreach (var member in expression.MembersRead(JsonataQuery.StatesVariable))
        {
            var exists = member switch
            {
                "result" => available == StatesData.Result,
                "errorOutput" => available == StatesData.ErrorOutput,
                _ => true,
            };
            if (!exists)
                Unsupported($"Field '$states.{member}' does not exist.");
        }

        void Unsupported(string message) =>
            diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.UnsupportedJsonata, path, message));
    }
}
