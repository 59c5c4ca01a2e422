#include "cli/cli.hpp"

#include "cli/app_paths.hpp"
#include "cli/text_table.hpp"
#include "core/comparison.hpp"
#include "core/gaps.hpp"
#include "core/model_loader.hpp"
#include "core/model_registry.hpp"
#include "report/exports.hpp"
#include "report/file_output.hpp"
#include "storage/demo.hpp"
#include "storage/store.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <functional>
#include <map>

namespace mw {

namespace {

using nlohmann::json;

QString q(const std::string& text) {
    return QString::fromStdString(text);
}
std::string s(const QString& text) {
    return text.toStdString();
}
QString number(std::optional<double> value) {
    return value ? q(formatNumber(*value)) : QStringLiteral("-");
}
// Scores in tables: two fixed decimals so that the columns line up.
QString fixed(std::optional<double> value) {
    return value ? QString::number(*value, 'f', 2) : QStringLiteral("-");
}
json optionalJson(std::optional<double> value) {
    return value ? json(*value) : json(nullptr);
}

struct UsageError {
    QString message;
};

struct Command {
    const char* name;
    const char* synopsis;
    const char* summary;
};

const Command kCommands[] = {
    {"demo", "demo [--clients N]", "Create the sample client with a baseline and a follow-up assessment"},
    {"models", "models", "List the maturity models this installation knows"},
    {"validate-model", "validate-model FILE", "Check a model file and report every problem"},
    {"clients", "clients", "List the clients"},
    {"list", "list", "List the assessments"},
    {"new",
     "new --client C --title T [--model ID] [--assessor A] [--date D] [--baseline ID] [--copy-answers]",
     "Start an assessment (the client is created if it is new)"},
    {"answer", "answer ID QUESTION LEVEL|na [--target L] [--note TEXT] [--confidence low|medium|high]",
     "Record an answer; it is saved at once"},
    {"status", "status ID draft|final", "Mark an assessment as draft or final"},
    {"score", "score ID [--json]", "Dimension and overall scores"},
    {"gaps", "gaps ID [--json] [--limit N]", "Ranked gaps with the model's recommendations"},
    {"compare", "compare BEFORE AFTER [--json]",
     "Compare two assessments, e.g. a baseline and its follow-up"},
    {"export", "export ID --out FILE", "Write a .json bundle, .csv answers or .xlsx workbook"},
    {"import", "import FILE", "Import a .json bundle (all or nothing)"},
    {"report", "report ID --out FILE [--compare BASE_ID] [--page-size A4|Letter]",
     "Write the maturity report as .pdf or editable .odt"},
};

class Cli {
public:
    Cli(QTextStream& out, QTextStream& err)
        : out_(out)
        , err_(err) {}

    int run(const QStringList& arguments);

private:
    QTextStream& out_;
    QTextStream& err_;
    QCommandLineParser parser_;
    QString command_;
    std::optional<Store> store_;
    std::optional<ModelRegistry> registry_;

    int failWith(const Error& error) {
        err_ << "maturity: " << q(error.message) << '\n';
        // Several problems: list them all after the summary line.
        if (error.details.size() > 1)
            for (const auto& detail : error.details)
                err_ << "  " << q(detail) << '\n';
        return ExitBadInput;
    }
    int failWith(const QString& message) { return failWith(Error{s(message), {}}); }

    QString positional(int index, const char* what) {
        const QStringList args = parser_.positionalArguments();
        if (index >= args.size())
            throw UsageError{QStringLiteral("%1: missing %2").arg(command_, QLatin1String(what))};
        return args[index];
    }
    void expectPositionals(int count) {
        if (parser_.positionalArguments().size() > count)
            throw UsageError{QStringLiteral("%1: unexpected argument '%2'")
                                 .arg(command_, parser_.positionalArguments().at(count))};
    }
    Id idArgument(int index, const char* what) {
        const QString text = positional(index, what);
        bool ok = false;
        const qlonglong id = text.toLongLong(&ok);
        if (!ok || id <= 0)
            throw UsageError{
                QStringLiteral("%1: '%2' is not an assessment id (a whole number; see 'maturity list')")
                    .arg(command_, text)};
        return id;
    }

    Result<Store*> store() {
        if (!store_) {
            const QString path = resolveDatabasePath(parser_.value(QStringLiteral("db")));
            auto opened = Store::open(path.toStdString());
            if (!opened)
                return std::unexpected(opened.error());
            store_.emplace(std::move(*opened));
        }
        return &*store_;
    }

    ModelRegistry& registry() {
        if (!registry_) {
            registry_.emplace(ModelRegistry::withBuiltins());
            QStringList folders;
            if (!parser_.value(QStringLiteral("models-dir")).isEmpty())
                folders << parser_.value(QStringLiteral("models-dir"));
            if (qEnvironmentVariableIsSet("MATURITY_MODELS_DIR"))
                folders << qEnvironmentVariable("MATURITY_MODELS_DIR");
            for (const auto& folder : folders)
                for (const auto& problem : registry_->addFolder(folder.toStdString()))
                    err_ << "maturity: warning: skipped " << q(problem) << '\n';
        }
        return *registry_;
    }

    struct AssessmentWithAnswers {
        LoadedAssessment assessment;
        std::vector<Answer> answers;
    };
    Result<AssessmentWithAnswers> loadWithAnswers(Id id) {
        auto db = store();
        if (!db)
            return std::unexpected(db.error());
        auto loaded = (*db)->assessment(id);
        if (!loaded)
            return std::unexpected(loaded.error());
        auto answers = (*db)->answers(id);
        if (!answers)
            return std::unexpected(answers.error());
        return AssessmentWithAnswers{std::move(*loaded), std::move(*answers)};
    }

    void addCommandOptions();
    QString helpText() const;

    int demo();
    int models();
    int validateModel();
    int clients();
    int list();
    int newAssessment();
    int answer();
    int status();
    int score();
    int gaps();
    int compare();
    int exportCommand();
    int importCommand();
    int report();
};

QString Cli::helpText() const {
    QString text =
        QStringLiteral("Usage: maturity [--db PATH] COMMAND [ARGS...]\n\n"
                       "Maturity Workbench: IT/OT convergence maturity assessments.\n\nCommands:\n");
    for (const auto& c : kCommands)
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(c.name).leftJustified(15), QLatin1String(c.summary));
    text +=
        QStringLiteral("\nGlobal options:\n"
                       "  --db PATH          database file (default: $MATURITY_DB, else %1)\n"
                       "  --models-dir DIR   extra folder of model .json files (also $MATURITY_MODELS_DIR)\n"
                       "  -h, --help         this help; 'maturity COMMAND --help' for one command\n"
                       "  -v, --version      the version\n\n"
                       "Exit codes: 0 success, 1 bad input or data, 2 usage error.\n")
            .arg(defaultDatabasePath());
    return text;
}

void Cli::addCommandOptions() {
    auto add = [&](const QString& name, const QString& description, const QString& value = {}) {
        parser_.addOption(QCommandLineOption(name, description, value));
    };
    const QString c = command_;
    if (c == "demo")
        add("clients", "Also create N synthetic clients for scale work.", "N");
    if (c == "new") {
        add("client", "Client name (created if new).", "NAME");
        add("title", "Assessment title.", "TITLE");
        add("model", "Model id or model file (default: itot-convergence).", "ID");
        add("assessor", "Assessor's name.", "NAME");
        add("date", "Assessment date, YYYY-MM-DD (default: today).", "DATE");
        add("baseline", "Id of the earlier assessment this one follows up.", "ID");
        add("copy-answers", "Start from the baseline's answers.");
    }
    if (c == "answer") {
        add("target", "Target level.", "LEVEL");
        add("note", "Notes and evidence.", "TEXT");
        add("confidence", "low, medium or high.", "C");
    }
    if (c == "score" || c == "gaps" || c == "compare")
        add("json", "Machine-readable output (documented in docs/cli-json.md).");
    if (c == "gaps")
        add("limit", "Show only the first N gaps.", "N");
    if (c == "export" || c == "report")
        add("out", "Output file; its extension picks the format.", "FILE");
    if (c == "report") {
        add("compare", "Write a before/after comparison report against this baseline id.", "BASE_ID");
        add("page-size", "A4 (default) or Letter.", "SIZE");
    }
}

int Cli::run(const QStringList& arguments) {
    parser_.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser_.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({"h", "help"}, "Show help.");
    const QCommandLineOption version({"v", "version"}, "Show the version.");
    parser_.addOption(help);
    parser_.addOption(version);
    parser_.addOption(QCommandLineOption("db", "Database file.", "PATH"));
    parser_.addOption(QCommandLineOption("models-dir", "Extra model folder.", "DIR"));

    // First pass: find the command; unknown options are checked in the second pass.
    parser_.parse(arguments);
    const QStringList positionals = parser_.positionalArguments();
    if (parser_.isSet(version) && positionals.isEmpty()) {
        out_ << "maturity " << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    if (positionals.isEmpty()) {
        if (parser_.isSet(help)) {
            out_ << helpText();
            return ExitOk;
        }
        err_ << helpText();
        return ExitUsage;
    }
    command_ = positionals.first();
    const Command* command = nullptr;
    for (const auto& c : kCommands)
        if (command_ == QLatin1String(c.name))
            command = &c;
    if (!command) {
        err_ << "maturity: unknown command '" << command_ << "'; run 'maturity --help' for the list\n";
        return ExitUsage;
    }
    addCommandOptions();
    if (!parser_.parse(arguments)) {
        err_ << "maturity " << command_ << ": " << parser_.errorText() << "\nUsage: maturity "
             << command->synopsis << '\n';
        return ExitUsage;
    }
    if (parser_.isSet(help)) {
        out_ << "Usage: maturity " << command->synopsis << "\n\n" << command->summary << ".\n";
        return ExitOk;
    }
    // Drop the command name so that positional(0) is its first argument.
    QStringList args = arguments;
    args.removeAt(args.indexOf(command_, 1));
    parser_.parse(args);

    static const std::map<QString, int (Cli::*)()> handlers = {{"demo", &Cli::demo},
                                                               {"models", &Cli::models},
                                                               {"validate-model", &Cli::validateModel},
                                                               {"clients", &Cli::clients},
                                                               {"list", &Cli::list},
                                                               {"new", &Cli::newAssessment},
                                                               {"answer", &Cli::answer},
                                                               {"status", &Cli::status},
                                                               {"score", &Cli::score},
                                                               {"gaps", &Cli::gaps},
                                                               {"compare", &Cli::compare},
                                                               {"export", &Cli::exportCommand},
                                                               {"import", &Cli::importCommand},
                                                               {"report", &Cli::report}};
    try {
        return (this->*handlers.at(command_))();
    } catch (const UsageError& usage) {
        err_ << "maturity " << usage.message << "\nUsage: maturity " << command->synopsis << '\n';
        return ExitUsage;
    }
}

int Cli::demo() {
    expectPositionals(0);
    int portfolio = 0;
    if (parser_.isSet("clients")) {
        bool ok = false;
        portfolio = parser_.value("clients").toInt(&ok);
        if (!ok || portfolio < 1 || portfolio > 100000)
            throw UsageError{"demo: --clients takes a whole number from 1 to 100000"};
    }
    auto db = store();
    if (!db)
        return failWith(db.error());
    auto model = registry().find(ModelRegistry::defaultModelId);
    if (!model)
        return failWith(model.error());
    auto outcome = createDemo(**db, *model);
    if (!outcome)
        return failWith(outcome.error());
    if (outcome->alreadyPresent)
        out_ << "The demo client '" << q(outcome->clientName) << "' is already in "
             << q((*db)->path().string()) << ": baseline #" << outcome->baselineId << ", follow-up #"
             << outcome->followUpId << ".\n";
    else
        out_ << "Created the demo client '" << q(outcome->clientName) << "' in " << q((*db)->path().string())
             << ": baseline #" << outcome->baselineId << " and its follow-up #" << outcome->followUpId
             << ".\n";
    if (portfolio > 0) {
        auto created = createPortfolio(**db, *model, portfolio);
        if (!created)
            return failWith(created.error());
        out_ << "Added " << *created << " synthetic assessments for " << portfolio << " clients.\n";
    }
    out_ << "Next: maturity score " << outcome->followUpId << "   maturity compare " << outcome->baselineId
         << ' ' << outcome->followUpId << '\n';
    return ExitOk;
}

int Cli::models() {
    expectPositionals(0);
    TextTable table({"Id", "Version", "Title", "Rule", "Dimensions", "Questions", "Scale"}, {4, 5});
    for (const auto& m : registry().models())
        table.addRow({q(m.id), q(m.version), q(m.title), q(std::string(toString(m.aggregation.rule))),
                      QString::number(m.dimensions.size()), QString::number(m.questionCount()),
                      q(formatNumber(m.scale.front().value) + "-" + formatNumber(m.scale.back().value))});
    table.print(out_);
    return ExitOk;
}

int Cli::validateModel() {
    const QString file = positional(0, "FILE");
    expectPositionals(1);
    auto model = loadModelFile(file.toStdString());
    if (!model) {
        const auto& error = model.error();
        if (error.details.empty())
            return failWith(error);
        err_ << file << ": " << error.details.size() << " problem" << (error.details.size() > 1 ? "s" : "")
             << '\n';
        for (const auto& detail : error.details)
            err_ << "  " << q(detail) << '\n';
        return ExitBadInput;
    }
    out_ << file << ": valid: " << q(model->id) << ' ' << q(model->version) << ", "
         << model->dimensions.size() << " dimensions, " << model->questionCount() << " questions, "
         << model->scale.size() << "-level scale, rule " << q(std::string(toString(model->aggregation.rule)))
         << '\n';
    return ExitOk;
}

int Cli::clients() {
    expectPositionals(0);
    auto db = store();
    if (!db)
        return failWith(db.error());
    auto clients = (*db)->clients();
    auto assessments = (*db)->assessments();
    if (!clients)
        return failWith(clients.error());
    if (!assessments)
        return failWith(assessments.error());
    std::map<Id, int> counts;
    for (const auto& a : *assessments)
        ++counts[a.clientId];
    TextTable table({"Id", "Client", "Sector", "Assessments"}, {0, 3});
    for (const auto& c : *clients)
        table.addRow({QString::number(c.id), q(c.name), q(c.sector), QString::number(counts[c.id])});
    table.print(out_);
    return ExitOk;
}

int Cli::list() {
    expectPositionals(0);
    auto db = store();
    if (!db)
        return failWith(db.error());
    auto assessments = (*db)->assessments();
    if (!assessments)
        return failWith(assessments.error());
    if (assessments->empty()) {
        out_ << "No assessments yet. Try 'maturity demo' or 'maturity new --client NAME --title TITLE'.\n";
        return ExitOk;
    }
    TextTable table({"Id", "Client", "Title", "Date", "Model", "Status", "Done", "Baseline"}, {0, 6});
    for (const auto& a : *assessments)
        table.addRow({QString::number(a.id), q(a.clientName), q(a.title), q(a.date),
                      q(a.modelId + " " + a.modelVersion), q(std::string(toString(a.status))),
                      QString::number(qRound(a.completeness())) + "%",
                      a.baselineId ? "#" + QString::number(*a.baselineId) : QString()});
    table.print(out_);
    return ExitOk;
}

int Cli::newAssessment() {
    expectPositionals(0);
    const QString client = parser_.value("client").trimmed();
    const QString title = parser_.value("title").trimmed();
    if (client.isEmpty())
        throw UsageError{"new: --client is required"};
    if (title.isEmpty())
        throw UsageError{"new: --title is required"};
    std::optional<Id> baseline;
    if (parser_.isSet("baseline")) {
        bool ok = false;
        baseline = parser_.value("baseline").toLongLong(&ok);
        if (!ok || *baseline <= 0)
            throw UsageError{"new: --baseline takes an assessment id"};
    }
    if (parser_.isSet("copy-answers") && !baseline)
        throw UsageError{"new: --copy-answers needs --baseline"};
    auto model = registry().find(
        s(parser_.value("model").isEmpty()
              ? QString::fromUtf8(ModelRegistry::defaultModelId.data(), ModelRegistry::defaultModelId.size())
              : parser_.value("model")));
    if (!model)
        return failWith(model.error());
    const std::string date = parser_.isSet("date") ? s(parser_.value("date")) : todayIsoDate();
    if (!isIsoDate(date))
        return failWith("new: --date '" + q(date) + "' is not a date such as 2025-03-31");
    auto db = store();
    if (!db)
        return failWith(db.error());
    if (baseline) {
        auto info = (*db)->assessmentInfo(*baseline);
        if (!info)
            return failWith("new: --baseline: " + q(info.error().message));
    }
    auto existing = (*db)->findClient(s(client));
    if (!existing)
        return failWith(existing.error());
    auto clientRecord = *existing ? Result<Client>(**existing) : (*db)->addClient(s(client));
    if (!clientRecord)
        return failWith(clientRecord.error());
    NewAssessment request{clientRecord->id,
                          s(title),
                          date,
                          s(parser_.value("assessor")),
                          baseline,
                          &*model,
                          parser_.isSet("copy-answers")};
    auto id = (*db)->createAssessment(request);
    if (!id)
        return failWith(id.error());
    out_ << "Created assessment #" << *id << " '" << title << "' for " << client << " (" << q(model->id)
         << ' ' << q(model->version) << ", " << model->questionCount() << " questions)";
    if (!*existing)
        out_ << "; new client #" << clientRecord->id;
    out_ << ".\n";
    return ExitOk;
}

int Cli::answer() {
    const Id id = idArgument(0, "ID");
    const QString questionId = positional(1, "QUESTION");
    const QString levelText = positional(2, "LEVEL");
    expectPositionals(3);
    auto db = store();
    if (!db)
        return failWith(db.error());
    auto loaded = (*db)->assessment(id);
    if (!loaded)
        return failWith(loaded.error());
    const Model& model = loaded->model;
    if (!model.question(s(questionId)))
        return failWith("assessment " + QString::number(id) + ": unknown question '" + questionId +
                        "' in model " + q(model.id) + " (question ids look like " +
                        q(model.dimensions.front().questions.front().id) + ")");
    auto parseLevel = [&](const QString& text, const char* what) -> double {
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok)
            throw UsageError{
                QStringLiteral("answer: %1 '%2' is not a number or 'na'").arg(QLatin1String(what), text)};
        return value;
    };
    auto participant = (*db)->defaultParticipant(id);
    if (!participant)
        return failWith(participant.error());
    Answer answer;
    answer.questionId = s(questionId);
    answer.participantId = participant->id;
    auto previous = (*db)->answers(id);
    if (!previous)
        return failWith(previous.error());
    for (const auto& a : *previous)
        if (a.questionId == answer.questionId && a.participantId == participant->id)
            answer = a; // keep the target, note and confidence unless new ones are given
    if (levelText.compare("na", Qt::CaseInsensitive) == 0 || levelText == "n/a") {
        answer.notApplicable = true;
        answer.current.reset();
    } else {
        answer.notApplicable = false;
        answer.current = parseLevel(levelText, "LEVEL");
    }
    if (parser_.isSet("target"))
        answer.target = parseLevel(parser_.value("target"), "--target");
    if (parser_.isSet("note"))
        answer.note = s(parser_.value("note"));
    if (parser_.isSet("confidence")) {
        auto confidence = confidenceFromString(s(parser_.value("confidence")));
        if (!confidence)
            throw UsageError{"answer: --confidence must be low, medium or high"};
        answer.confidence = *confidence;
    }
    auto saved = (*db)->saveAnswer(id, answer);
    if (!saved)
        return failWith(saved.error());
    out_ << "Saved " << questionId << " in assessment #" << id << ": ";
    if (saved->notApplicable)
        out_ << "N/A";
    else
        out_ << number(saved->current) << " (" << q(model.levelLabel(*saved->current)) << ")";
    if (saved->target)
        out_ << ", target " << number(saved->target) << " (" << q(model.levelLabel(*saved->target)) << ")";
    out_ << ", confidence " << q(std::string(toString(saved->confidence))) << ".\n";
    return ExitOk;
}

int Cli::status() {
    const Id id = idArgument(0, "ID");
    const QString text = positional(1, "draft|final");
    expectPositionals(2);
    auto status = statusFromString(s(text));
    if (!status)
        throw UsageError{"status: '" + text + "' is neither draft nor final"};
    auto db = store();
    if (!db)
        return failWith(db.error());
    auto info = (*db)->assessmentInfo(id);
    if (!info)
        return failWith(info.error());
    info->status = *status;
    if (auto updated = (*db)->updateAssessment(*info); !updated)
        return failWith(updated.error());
    out_ << "Assessment #" << id << " is now " << text << ".\n";
    return ExitOk;
}

json assessmentJson(const AssessmentInfo& info) {
    return {{"id", info.id},
            {"client", info.clientName},
            {"title", info.title},
            {"date", info.date},
            {"assessor", info.assessor},
            {"status", std::string(toString(info.status))},
            {"model", {{"id", info.modelId}, {"version", info.modelVersion}}}};
}

QString heading(const AssessmentInfo& info) {
    return q(info.clientName + " - " + info.title + " (" + info.date + ", #" + std::to_string(info.id) + ")");
}

int Cli::score() {
    const Id id = idArgument(0, "ID");
    expectPositionals(1);
    auto data = loadWithAnswers(id);
    if (!data)
        return failWith(data.error());
    const LoadedAssessment* loaded = &data->assessment;
    const std::vector<Answer>* answers = &data->answers;
    const Model& model = loaded->model;
    const Scorecard card = computeScores(model, *answers);
    if (parser_.isSet("json")) {
        json dims = json::array();
        for (const auto& d : card.dimensions)
            dims.push_back({{"id", d.id},
                            {"title", d.title},
                            {"weight", d.weight},
                            {"current", optionalJson(d.current)},
                            {"target", optionalJson(d.target)},
                            {"gap", optionalJson(d.gap())},
                            {"level", d.currentLabel},
                            {"targetLevel", d.targetLabel},
                            {"answered", d.answered},
                            {"notApplicable", d.notApplicable},
                            {"total", d.total},
                            {"completeness", d.completeness}});
        json scale = json::array();
        for (const auto& level : model.scoreLevels())
            scale.push_back({{"value", level.value}, {"label", level.label}});
        json result = {{"assessment", assessmentJson(loaded->info)},
                       {"rule", std::string(toString(model.aggregation.rule))},
                       {"scoreLevels", scale},
                       {"overall",
                        {{"current", optionalJson(card.overall)},
                         {"target", optionalJson(card.overallTarget)},
                         {"level", card.overallLabel}}},
                       {"completeness",
                        {{"answered", card.answered}, {"total", card.total}, {"percent", card.completeness}}},
                       {"dimensions", dims},
                       {"unanswered", card.unanswered}};
        out_ << q(result.dump(2)) << '\n';
        return ExitOk;
    }
    out_ << heading(loaded->info) << '\n'
         << "Model: " << q(model.title) << ' ' << q(model.version) << "; rule "
         << q(std::string(toString(model.aggregation.rule))) << "; " << card.answered << " of " << card.total
         << " questions answered (" << qRound(card.completeness) << "%)\n\n";
    TextTable table({"Dimension", "Current", "Target", "Gap", "Level", "Answered"}, {1, 2, 3, 5});
    for (const auto& d : card.dimensions)
        table.addRow({q(d.title), fixed(d.current), fixed(d.target), fixed(d.gap()),
                      d.current ? q(d.currentLabel) : QStringLiteral("(not scored)"),
                      QStringLiteral("%1/%2").arg(d.answered).arg(d.total)});
    table.addSeparator();
    table.addRow({"Overall", fixed(card.overall), fixed(card.overallTarget),
                  card.overall ? fixed(*card.overallTarget - *card.overall) : "-",
                  card.overall ? q(card.overallLabel) : QStringLiteral("(not scored)"),
                  QStringLiteral("%1/%2").arg(card.answered).arg(card.total)});
    table.print(out_);
    if (!card.unanswered.empty()) {
        out_ << "\nIncomplete: " << card.unanswered.size() << " question"
             << (card.unanswered.size() > 1 ? "s" : "") << " unanswered:";
        for (std::size_t i = 0; i < card.unanswered.size() && i < 12; ++i)
            out_ << ' ' << q(card.unanswered[i]);
        if (card.unanswered.size() > 12)
            out_ << " ...";
        out_ << '\n';
    }
    return ExitOk;
}

int Cli::gaps() {
    const Id id = idArgument(0, "ID");
    expectPositionals(1);
    std::size_t limit = 0;
    if (parser_.isSet("limit")) {
        bool ok = false;
        limit = parser_.value("limit").toUInt(&ok);
        if (!ok || limit == 0)
            throw UsageError{"gaps: --limit takes a whole number above 0"};
    }
    auto data = loadWithAnswers(id);
    if (!data)
        return failWith(data.error());
    const LoadedAssessment* loaded = &data->assessment;
    const std::vector<Answer>* answers = &data->answers;
    auto list = rankGaps(loaded->model, *answers);
    const std::size_t totalGaps = list.size();
    if (limit && list.size() > limit)
        list.resize(limit);
    if (parser_.isSet("json")) {
        json items = json::array();
        int rank = 0;
        for (const auto& g : list)
            items.push_back({{"rank", ++rank},
                             {"question", g.questionId},
                             {"text", g.questionText},
                             {"dimension", g.dimensionId},
                             {"current", g.current},
                             {"target", g.target},
                             {"gap", g.gap},
                             {"priority", g.priority},
                             {"horizon", std::string(toString(g.horizon))},
                             {"recommendation", g.recommendation}});
        out_ << q(json{{"assessment", assessmentJson(loaded->info)}, {"gaps", items}}.dump(2)) << '\n';
        return ExitOk;
    }
    out_ << heading(loaded->info) << '\n';
    if (list.empty()) {
        out_ << "No gaps: every answered question is at or above its target.\n";
        return ExitOk;
    }
    if (list.size() < totalGaps)
        out_ << "Top " << list.size() << " of " << totalGaps << " gaps";
    else
        out_ << totalGaps << " gap" << (totalGaps > 1 ? "s" : "");
    out_ << ", highest priority first (priority = gap x question weight x dimension weight)\n\n";
    int rank = 0;
    for (const auto& g : list) {
        out_ << QString::number(++rank).rightJustified(3) << ". [" << q(g.questionId) << "] "
             << q(g.questionText) << '\n'
             << "     " << q(g.dimensionTitle) << ": " << q(formatNumber(g.current)) << " "
             << q(g.currentLabel) << " -> " << q(formatNumber(g.target)) << " " << q(g.targetLabel)
             << "; gap " << q(formatNumber(g.gap)) << ", priority " << q(formatNumber(g.priority)) << ", "
             << q(std::string(toString(g.horizon))) << " (" << q(std::string(horizonPeriod(g.horizon)))
             << ")\n";
        if (!g.recommendation.empty())
            out_ << "     Next step: " << q(g.recommendation) << '\n';
        out_ << '\n';
    }
    return ExitOk;
}

int Cli::compare() {
    const Id beforeId = idArgument(0, "BEFORE");
    const Id afterId = idArgument(1, "AFTER");
    expectPositionals(2);
    auto before = loadWithAnswers(beforeId);
    if (!before)
        return failWith(before.error());
    auto after = loadWithAnswers(afterId);
    if (!after)
        return failWith(after.error());
    const Comparison c = compareAssessments(before->assessment.model, before->answers,
                                            after->assessment.model, after->answers);
    if (parser_.isSet("json")) {
        json dims = json::array();
        for (const auto& d : c.dimensions)
            dims.push_back({{"id", d.id},
                            {"title", d.title},
                            {"before", optionalJson(d.before)},
                            {"after", optionalJson(d.after)},
                            {"delta", optionalJson(d.delta())}});
        json questions = json::array();
        for (const auto& d : c.questions)
            questions.push_back({{"id", d.questionId},
                                 {"dimension", d.dimensionId},
                                 {"before", optionalJson(d.before)},
                                 {"after", optionalJson(d.after)},
                                 {"delta", optionalJson(d.delta())}});
        json result = {{"before", assessmentJson(before->assessment.info)},
                       {"after", assessmentJson(after->assessment.info)},
                       {"sameModelVersion", c.sameModelVersion},
                       {"overall",
                        {{"before", optionalJson(c.overallBefore)},
                         {"after", optionalJson(c.overallAfter)},
                         {"delta", optionalJson(c.overallDelta())}}},
                       {"counts",
                        {{"improved", c.improved},
                         {"declined", c.declined},
                         {"unchanged", c.unchanged},
                         {"notComparable", c.notComparable}}},
                       {"dimensions", dims},
                       {"questions", questions},
                       {"onlyInBefore", c.onlyInBefore},
                       {"onlyInAfter", c.onlyInAfter}};
        out_ << q(result.dump(2)) << '\n';
        return ExitOk;
    }
    out_ << "Before: " << heading(before->assessment.info) << '\n'
         << "After:  " << heading(after->assessment.info) << "\n\n";
    auto signedNumber = [](std::optional<double> v) {
        if (!v)
            return QStringLiteral("-");
        return (*v > 1e-9 ? QStringLiteral("+") : QString()) + QString::number(*v, 'f', 2);
    };
    TextTable table({"Dimension", "Before", "After", "Change"}, {1, 2, 3});
    for (const auto& d : c.dimensions)
        table.addRow({q(d.title), fixed(d.before), fixed(d.after), signedNumber(d.delta())});
    table.addSeparator();
    table.addRow({"Overall", fixed(c.overallBefore), fixed(c.overallAfter), signedNumber(c.overallDelta())});
    table.print(out_);
    out_ << "\nQuestions: " << c.improved << " improved, " << c.declined << " declined, " << c.unchanged
         << " unchanged";
    if (c.notComparable)
        out_ << ", " << c.notComparable << " not comparable (unanswered or N/A on one side)";
    out_ << ".\n";
    if (!c.sameModelVersion)
        out_ << "The two assessments use different model versions (" << q(before->assessment.model.version)
             << " and " << q(after->assessment.model.version) << ").\n";
    if (!c.onlyInBefore.empty()) {
        out_ << "Only in the earlier model:";
        for (const auto& id : c.onlyInBefore)
            out_ << ' ' << q(id);
        out_ << '\n';
    }
    if (!c.onlyInAfter.empty()) {
        out_ << "Only in the later model:";
        for (const auto& id : c.onlyInAfter)
            out_ << ' ' << q(id);
        out_ << '\n';
    }
    return ExitOk;
}

Result<ReportData> reportData(Store& store, Id id) {
    auto bundle = store.exportBundle(id);
    if (!bundle)
        return std::unexpected(bundle.error());
    return ReportData::fromBundle(*bundle);
}

int Cli::exportCommand() {
    const Id id = idArgument(0, "ID");
    expectPositionals(1);
    const QString outPath = parser_.value("out");
    if (outPath.isEmpty())
        throw UsageError{"export: --out FILE is required (.json, .csv or .xlsx)"};
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != "json" && suffix != "csv" && suffix != "xlsx")
        throw UsageError{"export: cannot tell the format of '" + outPath + "'; use .json, .csv or .xlsx"};
    auto db = store();
    if (!db)
        return failWith(db.error());
    auto bundle = (*db)->exportBundle(id);
    if (!bundle)
        return failWith(bundle.error());
    Result<void> written;
    if (suffix == "json") {
        written = writeBundleFile(*bundle, outPath);
    } else if (suffix == "csv") {
        written = writeAnswersCsvFile(*bundle, outPath);
    } else {
        written = writeXlsx(ReportData::fromBundle(*bundle), outPath);
    }
    if (!written)
        return failWith(written.error());
    out_ << "Wrote " << outPath << " (assessment #" << id << ", " << bundle->answers.size() << " answers).\n";
    return ExitOk;
}

int Cli::importCommand() {
    const QString file = positional(0, "FILE");
    expectPositionals(1);
    auto text = readTextFile(file.toStdString());
    if (!text)
        return failWith(text.error());
    auto bundle = parseBundle(*text, file.toStdString());
    if (!bundle)
        return failWith(bundle.error());
    auto db = store();
    if (!db)
        return failWith(db.error());
    auto outcome = (*db)->importBundle(*bundle);
    if (!outcome)
        return failWith(outcome.error());
    if (outcome->alreadyPresent) {
        out_ << file << " was imported before, as assessment #" << outcome->assessmentId
             << "; nothing changed.\n";
        return ExitOk;
    }
    out_ << "Imported '" << q(bundle->assessment.title) << "' for " << q(bundle->client.name)
         << " as assessment #" << outcome->assessmentId << " (" << outcome->answers << " answers"
         << (outcome->createdClient ? ", new client" : ", existing client");
    if (outcome->linkedBaseline)
        out_ << ", baseline #" << *outcome->linkedBaseline;
    out_ << ").\n";
    return ExitOk;
}

int Cli::report() {
    const Id id = idArgument(0, "ID");
    expectPositionals(1);
    const QString outPath = parser_.value("out");
    if (outPath.isEmpty())
        throw UsageError{"report: --out FILE is required (.pdf or .odt)"};
    const QString suffix = QFileInfo(outPath).suffix().toLower();
    if (suffix != "pdf" && suffix != "odt")
        throw UsageError{"report: cannot tell the format of '" + outPath + "'; use .pdf or .odt"};
    ReportOptions options;
    const QString pageSize = parser_.value("page-size").toLower();
    if (pageSize == "letter")
        options.pageSize = QPageSize::Letter;
    else if (!pageSize.isEmpty() && pageSize != "a4")
        throw UsageError{"report: --page-size must be A4 or Letter"};
    std::optional<Id> baseId;
    if (parser_.isSet("compare")) {
        bool ok = false;
        baseId = parser_.value("compare").toLongLong(&ok);
        if (!ok || *baseId <= 0)
            throw UsageError{"report: --compare takes an assessment id"};
    }
    auto db = store();
    if (!db)
        return failWith(db.error());
    auto data = reportData(**db, id);
    if (!data)
        return failWith(data.error());
    options.branding = ReportBranding::fromSettings();
    Result<void> written;
    if (baseId) {
        auto base = reportData(**db, *baseId);
        if (!base)
            return failWith(base.error());
        written = suffix == "pdf" ? writeComparisonPdf(*base, *data, options, outPath)
                                  : writeComparisonOdt(*base, *data, options, outPath);
    } else {
        written = suffix == "pdf" ? writeReportPdf(*data, options, outPath)
                                  : writeReportOdt(*data, options, outPath);
    }
    if (!written)
        return failWith(written.error());
    out_ << "Wrote " << outPath << ".\n";
    return ExitOk;
}

} // namespace

int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    Cli cli(out, err);
    const int code = cli.run(arguments);
    out.flush();
    err.flush();
    return code;
}

} // namespace mw
