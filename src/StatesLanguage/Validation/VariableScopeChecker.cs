using System.Text;
using StatesLanguage.Definition;

namespace StatesLanguage.Validation;

/// <summary>
/// The rules Step Functions gives for variable names and scopes, in both query languages:
/// - a name is a Unicode identifier (a first character of ID_Start, then ID_Continue characters) of at most 80
///   characters, so a part of a variable (<c>x.y</c>, <c>x[2]</c>) cannot be assigned;
/// - a Parallel branch or Map iteration has its own scope, and may not assign a name that an enclosing scope assigns
///   (a scope assigns a name when any of its states, Choice rules or catchers does).
/// </summary>
internal static class VariableScopeChecker
{
    public const int MaxNameLength = 80;

    public static void Check(StateMachineDefinition machine, List<AslDiagnostic> diagnostics) =>
        Check(machine, "$", [], diagnostics);

    private static void Check(StateMachineDefinition machine, string path, IReadOnlyList<HashSet<string>> outer, List<AslDiagnostic> diagnostics)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, state) in machine.States)
        {
            var statePath = AslPath.Member($"{path}.States", name);
            foreach (var (field, assign) in Assigns(state))
            {
                foreach (var variable in StateTemplates.AssignedNames(assign))
                {
                    var variablePath = AslPath.Member($"{statePath}.{field}", variable);
                    if (!IsValidName(variable))
                    {
                        diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.InvalidVariableName, variablePath,
                            $"'{variable}' is not a valid variable name: a name starts with a letter, goes on with letters, digits or '_', and has at most {MaxNameLength} characters."));
                    }
                    else if (outer.Any(scope => scope.Contains(variable)))
                    {
                        diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.VariableInOuterScope, variablePath,
                            $"The variable '{variable}' is assigned in an enclosing scope: a Parallel branch or Map iteration cannot assign it too."));
                    }
                    own.Add(variable);
                }
            }
        }
        IReadOnlyList<HashSet<string>> inner = [.. outer, own];
        foreach (var (name, state) in machine.States)
        {
            var statePath = AslPath.Member($"{path}.States", name);
            switch (state)
            {
                case ParallelState parallel:
                    for (var i = 0; i < parallel.Branches.Count; i++)
                        Check(parallel.Branches[i], $"{statePath}.Branches[{i}]", inner, diagnostics);
                    break;
                case MapState map:
                    Check(map.ItemProcessor, $"{statePath}.ItemProcessor", inner, diagnostics);
                    break;
            }
        }
    }

    private static IEnumerable<(string Field, Evaluation.Templates.TemplateNode? Assign)> Assigns(StateDefinition state)
    {
        yield return ("Assign", state.Assign);
        if (state is ChoiceState choice)
        {
            for (var i = 0; i < choice.Choices.Count; i++)
                yield return ($"Choices[{i}].Assign", choice.Choices[i].Assign);
        }
        var catchers = StateTemplates.Catchers(state);
        for (var i = 0; i < catchers.Count; i++)
            yield return ($"Catch[{i}].Assign", catchers[i].Assign);
    }

    /// <summary>A Unicode identifier (Unicode Standard Annex #31's ID_Start then ID_Continue, by general category) of at
    /// most <see cref="MaxNameLength"/> characters.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0)
            return false;
        var index = 0;
        var count = 0;
        while (index < name.Length)
        {
            if (!Rune.TryGetRuneAt(name, index, out var rune))
                return false;
            if (!(count == 0 ? IsIdStart(rune) : IsIdContinue(rune)))
                return false;
            index += rune.Utf16SequenceLength;
            count++;
        }
        return count <= MaxNameLength;
    }

    private static bool IsIdStart(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsIdContinue(Rune rune) => IsIdStart(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
}
