#pragma once
// What every `maturity` command is handed: its parsed arguments, the output streams, and the workspace
// (opened on first use, so commands that need no database never create one).
#include "app/assessments.hpp"
#include "app/workspace.hpp"
#include "cli/cli.hpp"
#include "core/error.hpp"
#include "core/sealed_bundle.hpp"

#include <QCommandLineParser>
#include <QPageSize>
#include <QString>
#include <QTextStream>

#include <optional>
#include <vector>

namespace mw::cli {

// Thrown by argument checks; the registry prints it with the command's synopsis and exits 2.
// Put before a negative number so that the option parser leaves it alone; positional() and value() drop it.
inline const QChar kNegativeMarker(0x2063); // INVISIBLE SEPARATOR: never typed on a command line

struct UsageError {
    QString message;
};
// An output path that may not be written (it is the database): one line, exit 1.
struct OutputRefused {
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
    QString value(const QString& option) const { return unshielded(parser_.value(option)); }
    // Every value of an option given several times (--question A --question B), or as a list (A,B).
    QStringList values(const QString& option) const {
        QStringList out;
        for (const QString& value : parser_.values(option))
            for (const QString& part : unshielded(value).split(',', Qt::SkipEmptyParts))
                out << part.trimmed();
        return out;
    }
    static QString unshielded(QString text) {
        if (text.startsWith(kNegativeMarker))
            text.remove(0, 1);
        return text;
    }
    // The command's own positional arguments (the command name is not one of them).
    QString positional(int index, const char* what) const;
    void expectPositionals(int count) const;
    int positionalCount() const;
    Id idArgument(int index, const char* what) const;
    // An assessment id given with an option; `usage` is the message for a malformed one.
    std::optional<Id> idOption(const QString& option, const char* usage) const;
    // --limit N: 0 when not given; a usage error for anything but a whole number above 0.
    std::size_t limitOption() const;

    // The --out path's format, one of `formats` (lower-case extensions); a usage error otherwise.
    QString outputFormat(const QStringList& formats) const;

    // --page-size (A4 or Letter), else the paper chosen in the settings.
    QPageSize::PageSizeId pageSize() const;

    // The password from --password-file, else asked on the terminal; `sealing` asks twice.
    Result<Secret> password(bool sealing) const;

    int fail(const Error& error);
    int fail(const QString& message);

    // Only commands that mean to create a database (demo, new, import) pass create: for the others a
    // missing or empty file is an error, never a new database.
    Result<app::Workspace*> workspace(bool create = false);
    // The assessment with everything a command shows (app::loadAssessment).
    Result<app::AssessmentState> loadAssessment(Id id);
    // A warning on standard error when the day's automatic backup could not be made.
    void warnAboutBackups();
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
