using StatesLanguage.Jsonata;

namespace StatesLanguage.Tests.Jsonata;

public sealed class JsonataExpressionTests
{
    private static readonly JsonNode Input = JsonNode.Parse("""{"a": null, "b": [1, 2, 3], "c": {"d": "x"}}""")!;

    [Theory]
    [InlineData("function($x){$x}")]
    [InlineData("$sum")]
    public void Evaluate_AFunctionAsTheResult_IsUndefinedMarkedAsAFunction(string expression)
    {
        var result = JsonataExpression.Compile(expression).Evaluate(JsonataValue.Undefined);

        Assert.Equal((false, true), (result.IsDefined, result.IsFunction));
    }

    [Fact]
    public void Evaluate_MissingField_IsUndefined()
    {
        var result = JsonataExpression.Compile("missing").Evaluate(Input);
        Assert.True(result.IsUndefined);
    }

    [Fact]
    public void Evaluate_NullField_IsDefinedJsonNull()
    {
        var result = JsonataExpression.Compile("a").Evaluate(Input);
        Assert.True(result.IsDefined);
        Assert.Null(result.Node);
    }

    [Fact]
    public void Evaluate_Bindings_AreVariables()
    {
        var bindings = new Dictionary<string, JsonNode?> { ["rate"] = 2, ["states"] = JsonNode.Parse("""{"input": 5}""") };
        var result = JsonataExpression.Compile("$sum(b) * $rate + $states.input").Evaluate(Input, bindings);
        Assert.Equal(17, result.Node!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_IntegerResult_PrintsWithoutDecimalPoint()
    {
        var result = JsonataExpression.Compile("$sum(b) / 2").Evaluate(Input);
        Assert.Equal("3", result.Node!.ToJsonString());
    }

    [Theory]
    [InlineData("2432902008176640000", "2432902008176640000")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("-0", "0")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    public void Evaluate_Number_IsWrittenAsJavaScriptPrintsIt(string expression, string json) =>
        Assert.Equal(json, JsonataExpression.Compile(expression).Evaluate(Input).Node!.ToJsonString());

    [Fact]
    public void Evaluate_InfiniteResult_ThrowsD1001()
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("1/0").Evaluate(Input));
        Assert.Equal("D1001", error.Code);
    }

    [Theory]
    [InlineData("$sum(['a'])", "T0412", "Argument 1 of function \"sum\" must be an array of \"numbers\"", 5)]
    [InlineData("1 + 'a'", "T2002", "The right side of the \"+\" operator must evaluate to a number", 3)]
    [InlineData("'a' ~> $substring(true)", "T0410", "Argument 2 of function \"substring\" does not match function signature", 18)]
    [InlineData("'a' ~> $abs", "T0410", "Argument 1 of function undefined does not match function signature", -1)]
    [InlineData("$error('stop')", "D3137", "stop", 7)]
    [InlineData("$number('x')", "D3030", "Unable to cast value to a number: \"x\"", 8)]
    [InlineData("{'a':1} < 2", "T2010", "The expressions either side of operator \"<\" must evaluate to numeric or string values", 9)]
    public void Evaluate_Error_HasTheReferenceMessageAndPosition(string expression, string code, string message, int position)
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile(expression).Evaluate(Input));
        Assert.Equal((code, message, position), (error.Code, error.Message, error.Position));
    }

    [Fact]
    public void Compile_SyntaxError_CarriesCodeAndPosition()
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("a.b +"));
        Assert.Equal("S0207", error.Code);
        Assert.Equal(5, error.Position);
    }

    [Fact]
    public void FreeVariables_ListsVariablesReadButNotBound()
    {
        var expression = JsonataExpression.Compile("($z := 1; $x.a + $y + $z + $count(b) + $map(b, function($v){$v + $w})[0])");
        Assert.Equal(["x", "y", "w"], expression.FreeVariables);
    }

    [Fact]
    public void FreeVariables_PathBindingsAndLibraryFunctions_AreNotFree()
    {
        var expression = JsonataExpression.Compile("Account.Order@$o.Product#$i[$i < $limit].{'o': $o, 'p': $partition($$, 2)}");
        Assert.Equal(["limit", "partition"], expression.FreeVariables);
        var library = JsonataFunctionLibrary.Standard.With("partition", "<an:a>", _ => JsonataValue.Undefined);
        Assert.Equal(["limit"], expression.GetFreeVariables(library));
    }

    [Fact]
    public void Library_AddedNativeFunction_IsCalledWithValidatedArguments()
    {
        var library = JsonataFunctionLibrary.Standard.With("double", "<n-:n>", arguments =>
            arguments[0].IsUndefined ? JsonataValue.Undefined : JsonataValue.Of(arguments[0].Node!.GetValue<double>() * 2));
        var options = new JsonataEvaluationOptions { Library = library };
        Assert.Equal(4, JsonataExpression.Compile("$double(2)").Evaluate(Input, null, options).Node!.GetValue<double>());
        Assert.True(JsonataExpression.Compile("$double(missing)").Evaluate(Input, null, options).IsUndefined);
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("$double('x')").Evaluate(Input, null, options));
        Assert.Equal("T0410", error.Code);
    }

    [Fact]
    public void Library_NativeFunction_TellsNullFromUndefined()
    {
        var library = JsonataFunctionLibrary.Standard.With("kind", "<x?:s>", arguments =>
            JsonataValue.Of(arguments.Count == 0 || arguments[0].IsUndefined ? "undefined" : arguments[0].Node is null ? "null" : "value"));
        var options = new JsonataEvaluationOptions { Library = library };
        var result = JsonataExpression.Compile("[$kind(a), $kind(missing), $kind(c)]").Evaluate(Input, null, options);
        Assert.Equal("""["null","undefined","value"]""", result.Node!.ToJsonString());
    }

    [Fact]
    public void Library_RemovedFunction_CannotBeCalled()
    {
        var options = new JsonataEvaluationOptions { Library = JsonataFunctionLibrary.Standard.Without("sum") };
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("$sum(b)").Evaluate(Input, null, options));
        Assert.Equal("T1006", error.Code);
        Assert.False(JsonataFunctionLibrary.Standard.Contains("eval"));
    }

    [Fact]
    public void Evaluate_DepthLimit_ThrowsU1001()
    {
        var options = new JsonataEvaluationOptions { MaxDepth = 100 };
        var expression = JsonataExpression.Compile("($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000))");
        var error = Assert.Throws<JsonataException>(() => expression.Evaluate(JsonataValue.Undefined, null, options));
        Assert.Equal("U1001", error.Code);
    }

    [Fact]
    public void Evaluate_Cancelled_ThrowsU1001()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var options = new JsonataEvaluationOptions { CancellationToken = cancellation.Token };
        var expression = JsonataExpression.Compile("($f := function($n){ $n = 0 ? 0 : $f($n - 1) }; $f(100000))");
        var error = Assert.Throws<JsonataException>(() => expression.Evaluate(JsonataValue.Undefined, null, options));
        Assert.Equal("U1001", error.Code);
    }

    [Fact]
    public void Evaluate_VeryDeepValue_FailsWithU1001InsteadOfCrashing()
    {
        // Each step nests the accumulator one array deeper; writing 200,000 levels out would overflow the stack.
        var expression = JsonataExpression.Compile("$reduce([1..200000], function($acc, $v){ [[$acc]] }, [])");
        var error = Assert.Throws<JsonataException>(() => expression.Evaluate(JsonataValue.Undefined));
        Assert.Equal("U1001", error.Code);
    }

    [Fact]
    public void Compile_DeeplyNestedExpression_FailsInsteadOfCrashing()
    {
        var text = new string('(', 100000) + "1" + new string(')', 100000);
        Assert.Throws<JsonataException>(() => JsonataExpression.Compile(text));
    }

    [Fact]
    public void Evaluate_NowAndMillis_ReadTheClockOncePerEvaluation()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 1, 15, 8, 30, 0, 123, TimeSpan.Zero));
        var options = new JsonataEvaluationOptions { TimeProvider = clock };
        var result = JsonataExpression.Compile("[$now(), $millis(), $now() = $now()]").Evaluate(JsonataValue.Undefined, null, options);
        Assert.Equal("""["2025-01-15T08:30:00.123Z",1736929800123,true]""", result.Node!.ToJsonString());
    }

    [Fact]
    public void Evaluate_ToMillisWithATimeOnly_TakesTheDateFromTheEvaluationClock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 1, 15, 8, 30, 0, TimeSpan.Zero));
        var options = new JsonataEvaluationOptions { TimeProvider = clock };
        var result = JsonataExpression.Compile("$toMillis('13:45', '[H]:[m]') ~> $fromMillis()").Evaluate(JsonataValue.Undefined, null, options);
        Assert.Equal("\"2025-01-15T13:45:00.000Z\"", result.Node!.ToJsonString());
    }

    [Fact]
    public void Evaluate_FromMillisOutsideTheDateRange_FailsAsAnInvalidTime()
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("$fromMillis(1e20)").Evaluate(JsonataValue.Undefined));
        Assert.Equal("RangeError", error.Code);
        Assert.Equal("Invalid time value", error.Message);
    }

    [Fact]
    public void Evaluate_TailRecursion_DoesNotGrowTheStack()
    {
        var expression = JsonataExpression.Compile("($f := function($n, $acc){ $n = 0 ? $acc : $f($n - 1, $acc + 1) }; $f(100000, 0))");
        Assert.Equal(100000, expression.Evaluate(JsonataValue.Undefined).Node!.GetValue<double>());
    }

    [Fact]
    public void Evaluate_OneCompiledExpressionOnManyThreads_GivesEachItsOwnResult()
    {
        var expression = JsonataExpression.Compile("($total := $sum(items.(price * qty)); {'id': id, 'total': $total})");
        var results = new string[64];
        Parallel.For(0, results.Length, i =>
        {
            var input = JsonNode.Parse($$"""{"id": {{i}}, "items": [{"price": {{i}}, "qty": 2}, {"price": 1, "qty": {{i}}}]}""");
            results[i] = expression.Evaluate(input).Node!.ToJsonString();
        });
        for (var i = 0; i < results.Length; i++)
            Assert.Equal($$"""{"id":{{i}},"total":{{3 * i}}}""", results[i]);
    }

    [Fact]
    public void Evaluate_SharedDocument_IsReadByManyEvaluationsWithoutChange()
    {
        var document = JsonataDocument.From(Input);
        var states = new Dictionary<string, JsonataDocument> { ["states"] = JsonataDocument.From(JsonNode.Parse("""{"input": [7]}""")) };
        string[] expressions = ["b[]", "$.b", "c.d", "$states.input[]", "b^(>$)", "$reverse(b)", "b[$ > 1]"];
        string[] expected = ["[1,2,3]", "[1,2,3]", "\"x\"", "[7]", "[3,2,1]", "[3,2,1]", "[2,3]"];
        var compiled = Array.ConvertAll(expressions, JsonataExpression.Compile);
        var failures = 0;
        Parallel.For(0, 400, i =>
        {
            var k = i % compiled.Length;
            if (compiled[k].Evaluate(document, states).Node!.ToJsonString() != expected[k])
                Interlocked.Increment(ref failures);
        });
        Assert.Equal(0, failures);
        Assert.Equal("[1,2,3]", JsonataExpression.Compile("b").Evaluate(document).Node!.ToJsonString());
    }

    /// <summary>A result kept as a document (a JSONata state's output) is read by the next expression exactly as its
    /// JSON would be: sequences, arrays built by constructors and tuple streams are plain arrays, functions are gone,
    /// -0 is 0 and a large integer has the digits its JSON has.</summary>
    [Theory]
    [InlineData("{'ids': b.($ * 2)}", "[ids[0], $count(ids)]")]
    [InlineData("{'one': [c.d][]}", "one")]
    [InlineData("{'m': [[1, 2], [3]]}", "m.$")]
    [InlineData("{'t': b#$i.{'i': $i}}", "t.i")]
    [InlineData("{'f': function(){1}, 'g': [1, $sum], 'u': missing}", "[$keys($), g]")]
    [InlineData("{'z': -0}", "$string(1 / z)")]
    [InlineData("{'big': 1234567890123456789}", "big - 1234567890123456789")]
    [InlineData("b.$", "$")]
    [InlineData("{'a': a, 's': 'x', 't': true}", "$")]
    public void EvaluateDocument_PassedOn_IsReadAsItsJson(string first, string then)
    {
        var expression = JsonataExpression.Compile(first);
        var document = expression.EvaluateDocument(JsonataDocument.From(Input));
        var json = expression.Evaluate(Input).Node;
        var next = JsonataExpression.Compile(then);

        Assert.Equal(json?.ToJsonString(), document.ToValue().Node?.ToJsonString());
        Assert.Equal(Outcome(() => next.Evaluate(json)), Outcome(() => next.Evaluate(document)));
    }

    [Fact]
    public void EvaluateDocument_NumberJsonCannotHold_ThrowsD1001AsEvaluateDoes()
    {
        var expression = JsonataExpression.Compile("{'x': [1/0]}");
        var expected = Assert.Throws<JsonataException>(() => expression.Evaluate(JsonataDocument.Undefined));
        var error = Assert.Throws<JsonataException>(() => expression.EvaluateDocument(JsonataDocument.Undefined));
        Assert.Equal(("D1001", expected.Message, expected.Position), (error.Code, error.Message, error.Position));
    }

    [Fact]
    public void EvaluateDocument_InputNestedDeeperThanJsonAllows_ThrowsU1001AsEvaluateDoes()
    {
        // The input's converted form is not walked again, but its depth still counts where the result puts it.
        JsonNode deep = new JsonArray();
        for (var i = 0; i < 600; i++)
            deep = new JsonArray(deep);
        var input = JsonataDocument.From(deep);
        var shallower = JsonataExpression.Compile("$reduce([1..300], function($acc, $v){ [[$acc]] }, $)");
        var deeper = JsonataExpression.Compile("$reduce([1..300], function($acc, $v){ [[[$acc]]] }, $)");

        Assert.False(shallower.EvaluateDocument(input).IsUndefined);
        var expected = Assert.Throws<JsonataException>(() => deeper.Evaluate(input));
        var error = Assert.Throws<JsonataException>(() => deeper.EvaluateDocument(input));
        Assert.Equal(("U1001", expected.Message), (error.Code, error.Message));
    }

    [Fact]
    public void EvaluateDocument_FunctionResult_IsUndefinedMarkedAsAFunction()
    {
        var result = JsonataExpression.Compile("$sum").EvaluateDocument(JsonataDocument.Undefined);
        Assert.Equal((true, true), (result.IsUndefined, result.IsFunction));
    }

    private static string Outcome(Func<JsonataValue> evaluate)
    {
        try
        {
            return evaluate().ToString();
        }
        catch (JsonataException error)
        {
            return $"{error.Code}: {error.Message}";
        }
    }
}
