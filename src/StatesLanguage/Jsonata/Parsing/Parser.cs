using System.Runtime.CompilerServices;

namespace StatesLanguage.Jsonata.Parsing;

/// <summary>
/// A Pratt (top-down operator precedence) parser producing the raw syntax tree; <see cref="AstProcessor"/> then
/// turns it into the evaluated form. Errors are S02xx <see cref="JsonataException"/>s.
/// </summary>
internal sealed partial class Parser
{
    private readonly string _source;
    private readonly Lexer _lexer;
    private Token _token;

    private Parser(string source)
    {
        _source = source;
        _lexer = new Lexer(source);
    }

    public static Node Parse(string source)
    {
        var parser = new Parser(source);
        parser.Advance(afterOperand: false);
        var expression = parser.Expression(0);
        if (parser._token.Kind != TokenKind.End)
            throw JsonataErrors.Create("S0201", parser._token.Position, parser._token.Text);
        return new AstProcessor().ProcessRoot(expression);
    }

    private static int BindingPower(Token token) => token.Kind != TokenKind.Operator ? 0 : token.Text switch
    {
        "." => 75,
        "[" or "(" or "@" or "#" => 80,
        "{" => 70,
        "?" => 20,
        "+" or "-" or "&" => 50,
        "*" or "/" or "%" => 60,
        "=" or "<" or ">" or "^" or "!=" or "<=" or ">=" or "~>" or "?:" or "??" or "in" => 40,
        ":=" => 10,
        "and" => 30,
        "or" => 25,
        _ => 0,
    };

    private bool Is(string text) => _token.Kind == TokenKind.Operator && _token.Text == text;

    private void Advance(bool afterOperand = false)
    {
        var next = _lexer.Next(afterOperand);
        if (next.Kind == TokenKind.Operator && next.Text is "!" or "~")
            throw JsonataErrors.Create("S0204", next.Position, next.Text);
        _token = next;
    }

    private void Expect(string text, bool afterOperand = false)
    {
        if (!Is(text))
        {
            if (_token.Kind == TokenKind.End)
                throw JsonataErrors.Create("S0203", _token.Position, _token.Text, text);
            throw JsonataErrors.Create("S0202", _token.Position, _token.Text, text);
        }
        Advance(afterOperand);
    }

    private Node Expression(int rbp)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw JsonataErrors.Create("S0201", _token.Position, _token.Text);
        var token = _token;
        Advance(afterOperand: true);
        var left = Prefix(token);
        while (rbp < BindingPower(_token))
        {
            token = _token;
            Advance();
            left = Infix(token, left);
        }
        return left;
    }

    private Node Prefix(Token token)
    {
        var position = token.Position;
        switch (token.Kind)
        {
            case TokenKind.Name:
                return new Node(NodeType.Name, position) { Text = token.Text };
            case TokenKind.Variable:
                return new Node(NodeType.Variable, position) { Text = token.Text };
            case TokenKind.String:
                return new Node(NodeType.String, position) { Text = token.Text, Literal = token.Literal };
            case TokenKind.Number:
                return new Node(NodeType.Number, position) { Text = token.Text, Literal = token.Literal };
            case TokenKind.Value:
                return new Node(NodeType.Value, position) { Text = token.Text, Literal = token.Literal };
            case TokenKind.Regex:
                return new Node(NodeType.Regex, position) { Text = token.Text, Literal = token.Literal };
            case TokenKind.End:
                // The end is a terminal; it fails later with S0203 (an expected token) or S0207.
                return new Node(NodeType.End, position) { Text = token.Text };
        }
        switch (token.Text)
        {
            case "and" or "or" or "in":
                return new Node(NodeType.Operator, position) { Text = token.Text };
            case "-":
                return new Node(NodeType.Negate, position) { Text = "-", Lhs = Expression(70) };
            case "*":
                return new Node(NodeType.Wildcard, position) { Text = "*" };
            case "**":
                return new Node(NodeType.Descendant, position) { Text = "**" };
            case "%":
                return new Node(NodeType.Parent, position) { Text = "%" };
            case "(":
                return ParseBlock(position);
            case "[":
                return ParseArray(position);
            case "{":
                return new Node(NodeType.ObjectConstructor, position) { Text = "{", Pairs = ParsePairs() };
            case "|":
                return ParseTransform(position);
            default:
                throw JsonataErrors.Create("S0211", position, token.Text);
        }
    }

    private Node Infix(Token token, Node left)
    {
        var position = token.Position;
        var op = token.Text;
        switch (op)
        {
            case "(":
                return ParseCall(position, left);
            case "[":
                if (Is("]"))
                {
                    var step = left;
                    while (step.Type == NodeType.Binary && step.Text == "[")
                        step = step.Lhs!;
                    step.KeepArray = true;
                    Advance();
                    return left;
                }
                var predicate = Expression(0);
                Expect("]", afterOperand: true);
                return new Node(NodeType.Binary, position) { Text = "[", Lhs = left, Rhs = predicate };
            case "^":
                return ParseSort(position, left);
            case "{":
                return new Node(NodeType.Binary, position) { Text = "{", Lhs = left, Pairs = ParsePairs() };
            case ":=":
                if (left.Type != NodeType.Variable)
                    throw JsonataErrors.Create("S0212", left.Position, left.Text);
                return new Node(NodeType.Binary, position) { Text = op, Lhs = left, Rhs = Expression(9) };
            case "@" or "#":
                var variable = Expression(80);
                if (variable.Type != NodeType.Variable)
                    throw JsonataErrors.Create("S0214", variable.Position, op);
                return new Node(NodeType.Binary, position) { Text = op, Lhs = left, Rhs = variable };
            case "?":
                var condition = new Node(NodeType.Condition, position) { Condition = left, Then = Expression(0) };
                if (Is(":"))
                {
                    Advance();
                    condition.Else = Expression(0);
                }
                return condition;
            case "?:":
                return new Node(NodeType.Condition, position) { Condition = Clone(left), Then = left, Else = Expression(0) };
            case "??":
                var exists = new Node(NodeType.Function, position)
                {
                    Text = "(",
                    Procedure = new Node(NodeType.Variable, position) { Text = "exists" },
                    Expressions = [Clone(left)],
                };
                return new Node(NodeType.Condition, position) { Condition = exists, Then = left, Else = Expression(0) };
            default:
                return new Node(NodeType.Binary, position) { Text = op, Lhs = left, Rhs = Expression(BindingPower(token)) };
        }
    }

    private Node ParseBlock(int position)
    {
        var expressions = new List<Node>();
        while (!Is(")"))
        {
            expressions.Add(Expression(0));
            if (!Is(";"))
                break;
            Advance();
        }
        Expect(")", afterOperand: true);
        return new Node(NodeType.Block, position) { Text = "(", Expressions = expressions };
    }

    private Node ParseArray(int position)
    {
        var items = new List<Node>();
        if (!Is("]"))
        {
            while (true)
            {
                var item = Expression(0);
                if (Is(".."))
                {
                    var rangePosition = _token.Position;
                    Advance();
                    item = new Node(NodeType.Binary, rangePosition) { Text = "..", Lhs = item, Rhs = Expression(0) };
                }
                items.Add(item);
                if (!Is(","))
                    break;
                Advance();
            }
        }
        Expect("]", afterOperand: true);
        return new Node(NodeType.ArrayConstructor, position) { Text = "[", Expressions = items };
    }

    private List<(Node, Node)> ParsePairs()
    {
        var pairs = new List<(Node, Node)>();
        if (!Is("}"))
        {
            while (true)
            {
                var key = Expression(0);
                Expect(":");
                var value = Expression(0);
                pairs.Add((key, value));
                if (!Is(","))
                    break;
                Advance();
            }
        }
        Expect("}", afterOperand: true);
        return pairs;
    }

    private Node ParseTransform(int position)
    {
        var node = new Node(NodeType.Transform, position) { Text = "|", Pattern = Expression(0) };
        Expect("|");
        node.Update = Expression(0);
        if (Is(","))
        {
            Advance();
            node.Delete = Expression(0);
        }
        Expect("|");
        return node;
    }

    private Node ParseSort(int position, Node left)
    {
        Expect("(");
        var terms = new List<SortTerm>();
        while (true)
        {
            var descending = false;
            if (Is("<"))
                Advance();
            else if (Is(">"))
            {
                descending = true;
                Advance();
            }
            terms.Add(new SortTerm(descending, Expression(0)));
            if (!Is(","))
                break;
            Advance();
        }
        Expect(")");
        return new Node(NodeType.Binary, position) { Text = "^", Lhs = left, Terms = terms };
    }

    private Node ParseCall(int position, Node procedure)
    {
        var node = new Node(NodeType.Function, position) { Text = "(", Procedure = procedure, Expressions = [] };
        if (!Is(")"))
        {
            while (true)
            {
                if (Is("?"))
                {
                    node.Type = NodeType.Partial;
                    node.Expressions.Add(new Node(NodeType.PartialPlaceholder, _token.Position) { Text = "?" });
                    Advance();
                }
                else
                    node.Expressions.Add(Expression(0));
                if (!Is(","))
                    break;
                Advance();
            }
        }
        Expect(")", afterOperand: true);
        if (procedure.Type == NodeType.Name && procedure.Text is "function" or "\u03BB")
            return ParseLambda(node);
        return node;
    }

    private Node ParseLambda(Node call)
    {
        var parameters = new List<string>();
        for (var i = 0; i < call.Expressions!.Count; i++)
        {
            var argument = call.Expressions[i];
            if (argument.Type != NodeType.Variable)
                throw JsonataErrors.Create("S0208", argument.Position, argument.Text, (double)(i + 1));
            parameters.Add(argument.Text!);
        }
        var lambda = new Node(NodeType.Lambda, call.Position) { Parameters = parameters };
        if (Is("<"))
        {
            // The signature is read from the source text: from this '<' to its matching '>'.
            var start = _token.Position - 1;
            var depth = 0;
            var end = start;
            for (; end < _source.Length; end++)
            {
                if (_source[end] == '<')
                    depth++;
                else if (_source[end] == '>' && --depth == 0)
                    break;
                else if (_source[end] == '{' && depth > 0)
                    break;
            }
            if (end >= _source.Length)
                throw JsonataErrors.Create("S0203", _source.Length, "(end)", ">");
            if (_source[end] != '>')
                throw JsonataErrors.Create("S0202", end + 1, _source[end].ToString(), ">");
            lambda.Signature = Signature.Parse(_source[start..(end + 1)], start + 1);
            _lexer.Position = end + 1;
            Advance();
        }
        Expect("{");
        lambda.Body = Expression(0);
        Expect("}");
        return lambda;
    }

    private static Node Clone(Node node) => node.DeepClone();
}
