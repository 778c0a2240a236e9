using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>Collects every log line of a test server (message, scopes and exception text) to search afterwards.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ScopeStack _scopes = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public string All => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ScopeStack : IExternalScopeProvider
    {
        private readonly AsyncLocal<ImmutableStack> _current = new();

        public void ForEachScope<TState>(Action<object?, TState> callback, TState state)
        {
            for (var node = _current.Value; node is not null; node = node.Parent)
            {
                callback(node.State, state);
            }
        }

        public IDisposable Push(object? state)
        {
            var previous = _current.Value;
            _current.Value = new ImmutableStack(state, previous);
            return new Pop(() => _current.Value = previous!);
        }

        private sealed record ImmutableStack(object? State, ImmutableStack? Parent);

        private sealed class Pop(Action pop) : IDisposable
        {
            public void Dispose() => pop();
        }
    }

    private sealed class Collector(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => sink._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            sink._scopes.ForEachScope((scope, list) => list.Add(Describe(scope)), scopes);
            sink._lines.Enqueue($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {string.Join(' ', scopes)} {exception}");
        }

        private static string Describe(object? scope) => scope is IEnumerable<KeyValuePair<string, object>> pairs
            ? string.Join(',', pairs.Select(p => $"{p.Key}={p.Value}"))
            : scope?.ToString() ?? string.Empty;
    }
}
