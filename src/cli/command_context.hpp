#pragma once
// What every `maturity` command is handed: its parsed arguments, the output streams, and the workspace
// (opened on first use, so commands that need no database never create one).
#include "app/assessments.hpp"
#include "app/workspace.hpp"
#include "cli/cli.hpp"
#include "core/error.hpp"

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

#include <optional>
#include <vector>

namespace mw::cli {

// Thrown by argument checks; the registry prints it with the command's synopsis and exits 2.
struct UsageError {
    QString message;
};

class CommandContext;

struct OptionSpec {
    const char* name;
    const char* description;
    const char* valueName = nullptr; // a flag when null
};

struct CommandSpec {
    const char* name;
    const char* synopsis;
    const char* summary;
    std::vector<OptionSpec> options;
    int (*run)(CommandContext&);
};

class CommandContext {
public:
    CommandContext(const QCommandLineParser& parser, QString command, QTextStream& out, QTextStream& err);

    QTextStream& out;
    QTextStream& err;
    const QString& command() const { return command_; }

    bool isSet(const QString& option) const { return parser_.isSet(option); }
    QString value(const QString& option) const { return parser_.value(option); }
    // The command's own positional arguments (the command name is not one of them).
    QString positional(int index, const char* what) const;
    void expectPositionals(int count) const;
    Id idArgument(int index, const char* what) const;
    // An assessment id given with an option; `usage` is the message for a malformed one.
    std::optional<Id> idOption(const QString& option, const char* usage) const;
    // --limit N: 0 when not given; a usage error for anything but a whole number above 0.
    std::size_t limitOption() const;

    // The --out path's format, one of `formats` (lower-case extensions); a usage error otherwise.
    QString outputFormat(const QStringList& formats) const;

    int fail(const Error& error);
    int fail(const QString& message);

    Result<app::Workspace*> workspace();
    // The assessment with everything a command shows (app::loadAssessment).
    Result<app::AssessmentState> loadAssessment(Id id);
    // The models this installation knows; skipped model files are reported once, as warnings.
    const ModelRegistry& models();

private:
    const QCommandLineParser& parser_;
    QString command_;
    app::ModelCatalog catalog_;
    std::optional<app::Workspace> workspace_;
    bool warned_ = false;
};

} // namespace mw::cli
