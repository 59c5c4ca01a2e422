#include "cli/command_context.hpp"

#include "app/documents.hpp"
#include "cli/password_prompt.hpp"
#include "platform/app_paths.hpp"
#include "platform/qt_text.hpp"
#include "platform/settings.hpp"

#include <QFileInfo>

namespace mw::cli {

CommandContext::CommandContext(const QCommandLineParser& parser, QString command, QTextStream& outStream,
                               QTextStream& errStream)
    : out(outStream)
    , err(errStream)
    , parser_(parser)
    , command_(std::move(command))
    , catalog_(modelFolders(parser.value(QStringLiteral("models-dir")))) {}

QString CommandContext::positional(int index, const char* what) const {
    const QStringList args = parser_.positionalArguments();
    if (index >= args.size())
        throw UsageError{QStringLiteral("%1: missing %2").arg(command_, QLatin1String(what))};
    return unshielded(args[index]);
}

int CommandContext::positionalCount() const {
    return static_cast<int>(parser_.positionalArguments().size());
}

void CommandContext::expectPositionals(int count) const {
    if (parser_.positionalArguments().size() > count)
        throw UsageError{QStringLiteral("%1: unexpected argument '%2'")
                             .arg(command_, unshielded(parser_.positionalArguments().at(count)))};
}

Id CommandContext::idArgument(int index, const char* what) const {
    const QString text = positional(index, what);
    bool ok = false;
    const qlonglong id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw UsageError{
            QStringLiteral("%1: '%2' is not an assessment id (a whole number; see 'maturity list')")
                .arg(command_, text)};
    return id;
}

std::optional<Id> CommandContext::idOption(const QString& option, const char* usage) const {
    if (!parser_.isSet(option))
        return std::nullopt;
    bool ok = false;
    const qlonglong id = parser_.value(option).toLongLong(&ok);
    if (!ok || id <= 0)
        throw UsageError{QString::fromUtf8(usage)};
    return id;
}

QString CommandContext::outputFormat(const QStringList& formats) const {
    QStringList dotted;
    for (const auto& format : formats)
        dotted << "." + format;
    const QString choices = dotted.size() > 1
                                ? dotted.mid(0, dotted.size() - 1).join(", ") + " or " + dotted.last()
                                : dotted.join(QString());
    const QString path = parser_.value(QStringLiteral("out"));
    if (path.isEmpty())
        throw UsageError{QStringLiteral("%1: --out FILE is required (%2)").arg(command_, choices)};
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (!formats.contains(suffix))
        throw UsageError{
            QStringLiteral("%1: cannot tell the format of '%2'; use %3").arg(command_, path, choices)};
    // Never over the database, whatever the name says: `--db w.json export 2 --out w.json`, or a link.
    if (auto refused =
            app::checkOutputPath(s(resolveDatabasePath(parser_.value(QStringLiteral("db")))), s(path));
        !refused)
        throw OutputRefused{q(refused.error().message)};
    return suffix;
}

std::size_t CommandContext::limitOption() const {
    if (!parser_.isSet(QStringLiteral("limit")))
        return 0;
    bool ok = false;
    const std::size_t limit = parser_.value(QStringLiteral("limit")).toUInt(&ok);
    if (!ok || limit == 0)
        throw UsageError{command_ + ": --limit takes a whole number above 0"};
    return limit;
}

Result<app::AssessmentState> CommandContext::loadAssessment(Id id) {
    auto opened = workspace();
    if (!opened)
        return std::unexpected(opened.error());
    return app::loadAssessment(**opened, id);
}

QPageSize::PageSizeId CommandContext::pageSize() const {
    const QString given = value(QStringLiteral("page-size")).toLower();
    if (given.isEmpty())
        return savedLetterPaper() ? QPageSize::Letter : QPageSize::A4;
    if (given == "letter")
        return QPageSize::Letter;
    if (given != "a4")
        throw UsageError{command_ + ": --page-size must be A4 or Letter"};
    return QPageSize::A4;
}

Result<Secret> CommandContext::password(bool sealing) const {
    const bool fromFile = parser_.isSet(QStringLiteral("password-file"));
    if (!fromFile && !canAskOnTerminal())
        return mw::fail(s(command_) +
                        ": a sealed bundle needs a password: give it with --password-file PATH");
    auto password = fromFile ? app::readPasswordFile(s(value(QStringLiteral("password-file"))))
                             : askPasswordOnTerminal(sealing ? "Password to seal the bundle: "
                                                             : "Password of the sealed bundle: ",
                                                     sealing);
    if (password && sealing && password->view().size() < kMinimumSealPasswordLength)
        return mw::fail((fromFile ? s(value(QStringLiteral("password-file"))) + ": the password"
                                  : std::string("the password")) +
                        " is too short to seal with; use at least " +
                        std::to_string(kMinimumSealPasswordLength) + " characters");
    return password;
}

int CommandContext::fail(const Error& error) {
    err << "maturity: " << q(error.message) << '\n';
    // Several problems: list them all after the summary line.
    if (error.details.size() > 1)
        for (const auto& detail : error.details)
            err << "  " << q(detail) << '\n';
    return ExitBadInput;
}

int CommandContext::fail(const QString& message) {
    return fail(Error{s(message), {}});
}

Result<app::Workspace*> CommandContext::workspace(bool create) {
    if (!workspace_) {
        const QString path = resolveDatabasePath(parser_.value(QStringLiteral("db")));
        auto opened = app::Workspace::open(s(path), catalog_,
                                           create ? OpenMode::CreateIfMissing : OpenMode::ExistingOnly);
        if (!opened)
            return std::unexpected(opened.error());
        workspace_.emplace(std::move(*opened));
    }
    return &*workspace_;
}

void CommandContext::warnAboutBackups() {
    if (workspace_ && !workspace_->backupProblem().empty())
        err << "maturity: warning: today's automatic backup was not made: " << q(workspace_->backupProblem())
            << '\n';
}

const ModelRegistry& CommandContext::models() {
    const ModelRegistry& registry = catalog_.registry();
    if (!warned_) {
        warned_ = true;
        for (const auto& problem : catalog_.problems())
            err << "maturity: warning: skipped " << q(problem) << '\n';
    }
    return registry;
}

} // namespace mw::cli
