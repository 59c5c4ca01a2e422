// Evidence on the command line: list what backs each answer, attach a file, save one out, change, remove
// and restore, and the size limits.
#include "app/evidence.hpp"
#include "cli/commands/commands.hpp"
#include "cli/text_format.hpp"
#include "cli/text_table.hpp"
#include "core/json_output.hpp"
#include "platform/settings.hpp"

namespace mw::cli {

namespace {

QString describe(const Evidence& e) {
    return QStringLiteral("#%1 '%2' (%3, %4)")
        .arg(e.id)
        .arg(q(e.title))
        .arg(q(e.fileName))
        .arg(q(formatByteSize(e.size)));
}

QString questionList(const Evidence& e) {
    if (e.questionIds.empty())
        return QStringLiteral("whole assessment");
    QStringList ids;
    for (const auto& id : e.questionIds)
        ids << q(id);
    return ids.join(", ");
}

std::vector<std::string> questionOption(const CommandContext& context) {
    std::vector<std::string> out;
    for (const QString& question : context.values("question"))
        out.push_back(s(question));
    return out;
}

std::optional<std::string> validOnOption(const CommandContext& context) {
    if (!context.isSet("valid-on"))
        return std::nullopt;
    const std::string date = s(context.value("valid-on").trimmed());
    if (!date.empty() && !isIsoDate(date))
        throw UsageError{context.command() + ": --valid-on '" + q(date) +
                         "' is not a date such as 2026-03-31"};
    return date;
}

int listEvidence(CommandContext& context) {
    const Id id = context.idArgument(0, "ID");
    context.expectPositionals(1);
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto overview = app::evidenceOverview(**workspace, id);
    if (!overview)
        return context.fail(overview.error());
    const auto& o = **overview;
    if (context.isSet("json")) {
        context.out << q(evidenceListJson(o.info, o.evidence, o.removed, o.review).dump(2)) << '\n';
        return ExitOk;
    }
    context.out << heading(o.info) << '\n';
    if (!context.isSet("missing")) {
        if (o.evidence.empty()) {
            context.out << "No evidence yet. Attach a file with 'maturity evidence add " << id
                        << " FILE --question Q'.\n";
        } else {
            TextTable table({"Id", "Title", "Questions", "Valid on", "Supplied by", "Type", "Size"}, {0, 6});
            for (const auto& e : o.evidence)
                table.addRow({QString::number(e.id), q(e.title) + (e.fromBaseline() ? " (baseline)" : ""),
                              questionList(e), e.validOn.empty() ? "-" : q(e.validOn),
                              e.suppliedBy.empty() ? "-" : q(e.suppliedBy), q(describeMediaType(e.mediaType)),
                              q(formatByteSize(e.size))});
            table.print(context.out);
        }
        if (!o.removed.empty())
            context.out << o.removed.size() << " removed, recoverable until the next backup with 'maturity "
                        << "evidence restore " << id << " EVIDENCE_ID'.\n";
    }
    context.out << o.review.questionsWithEvidence << " of " << o.review.questions.size()
                << " questions have evidence; " << o.review.missingForLevel
                << (o.review.missingForLevel == 1 ? " answer" : " answers") << " at level "
                << q(formatNumber(kEvidenceExpectedFromLevel)) << " or above "
                << (o.review.missingForLevel == 1 ? "has" : "have") << " none.\n";
    if (context.isSet("missing")) {
        TextTable table({"Question", "Level", "Suggested by the model, not attached"});
        for (const auto& row : o.review.questions)
            if (row.missingForLevel())
                table.addRow(
                    {q(row.question->id), number(row.level),
                     row.suggestedMissing.empty()
                         ? QStringLiteral("-")
                         : q(row.suggestedMissing.front()) +
                               (row.suggestedMissing.size() > 1
                                    ? QStringLiteral(" (+%1 more)").arg(row.suggestedMissing.size() - 1)
                                    : QString())});
        if (o.review.missingForLevel > 0)
            table.print(context.out);
    }
    return ExitOk;
}

int addEvidence(CommandContext& context) {
    const Id id = context.idArgument(1, "ID");
    const QString file = context.positional(2, "FILE");
    context.expectPositionals(3);
    app::AttachRequest request;
    request.file = s(file);
    request.title = s(context.value("title").trimmed());
    request.validOn = validOnOption(context).value_or("");
    request.suppliedBy = s(context.value("supplied-by").trimmed());
    request.questionIds = questionOption(context);
    request.participant = s(context.value("participant").trimmed());
    request.limits = savedEvidenceLimits();
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    auto added = app::attachEvidence(**workspace, id, request);
    if (!added)
        return context.fail(added.error());
    context.out << "Attached " << describe(*added) << " to assessment #" << id << ", "
                << (added->questionIds.empty() ? QStringLiteral("as a whole")
                                               : "supporting " + questionList(*added))
                << ". Type " << q(describeMediaType(added->mediaType)) << ", SHA-256 " << q(added->sha256)
                << ".\n";
    return ExitOk;
}

// The assessment and evidence ids every verb on one piece of evidence takes.
std::pair<Id, Id> evidenceArguments(CommandContext& context) {
    const Id id = context.idArgument(1, "ID");
    const Id evidenceId = context.idArgument(2, "EVIDENCE_ID");
    context.expectPositionals(3);
    return {id, evidenceId};
}

int getEvidence(CommandContext& context) {
    const auto [id, evidenceId] = evidenceArguments(context);
    if (!context.isSet("out") || context.value("out").trimmed().isEmpty())
        throw UsageError{"evidence get: --out FILE is required (where to write the file)"};
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    if (auto found = app::findEvidence(**workspace, evidenceId, id); !found)
        return context.fail(found.error());
    auto saved = app::saveEvidenceFile(**workspace, evidenceId, s(context.value("out")));
    if (!saved)
        return context.fail(saved.error());
    context.out << "Wrote " << context.value("out") << " (" << describe(*saved) << ", checksum verified).\n";
    return ExitOk;
}

int setEvidence(CommandContext& context) {
    const auto [id, evidenceId] = evidenceArguments(context);
    EvidenceEdit edit;
    if (context.isSet("title"))
        edit.title = s(context.value("title").trimmed());
    edit.validOn = validOnOption(context);
    if (context.isSet("supplied-by"))
        edit.suppliedBy = s(context.value("supplied-by").trimmed());
    if (context.isSet("question"))
        edit.questionIds = questionOption(context);
    if (!edit.title && !edit.validOn && !edit.suppliedBy && !edit.questionIds)
        throw UsageError{
            "evidence set: give at least one of --title, --valid-on, --supplied-by and --question"};
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    if (auto found = app::findEvidence(**workspace, evidenceId, id); !found)
        return context.fail(found.error());
    auto changed = app::editEvidence(**workspace, evidenceId, edit);
    if (!changed)
        return context.fail(changed.error());
    context.out << "Evidence " << describe(*changed) << ", supporting " << questionList(*changed) << ".\n";
    return ExitOk;
}

int removeOrRestore(CommandContext& context, bool remove) {
    const auto [id, evidenceId] = evidenceArguments(context);
    auto workspace = context.workspace();
    if (!workspace)
        return context.fail(workspace.error());
    if (auto found = app::findEvidence(**workspace, evidenceId, id); !found)
        return context.fail(found.error());
    auto done =
        remove ? app::removeEvidence(**workspace, evidenceId) : app::restoreEvidence(**workspace, evidenceId);
    if (!done)
        return context.fail(done.error());
    if (remove)
        context.out << "Removed evidence " << describe(*done) << " from assessment #" << id
                    << ". It can be restored with 'maturity evidence restore " << id << " " << evidenceId
                    << "' until the next backup.\n";
    else
        context.out << "Restored evidence " << describe(*done) << " to assessment #" << id << ".\n";
    return ExitOk;
}

std::optional<std::int64_t> mebibyteOption(const CommandContext& context, const char* option) {
    if (!context.isSet(option))
        return std::nullopt;
    bool ok = false;
    const qlonglong value = context.value(option).trimmed().toLongLong(&ok);
    if (!ok || value <= 0 || value > 1024 * 1024)
        throw UsageError{
            QStringLiteral("evidence limits: --%1 '%2' is not a whole number of MB from 1 to 1048576")
                .arg(option, context.value(option))};
    return value * kMebibyte;
}

int evidenceLimits(CommandContext& context) {
    context.expectPositionals(1);
    EvidenceLimits limits = savedEvidenceLimits();
    const auto perFile = mebibyteOption(context, "per-file");
    const auto perAssessment = mebibyteOption(context, "per-assessment");
    if (perFile || perAssessment) {
        limits.perFileBytes = perFile.value_or(limits.perFileBytes);
        limits.perAssessmentBytes = perAssessment.value_or(limits.perAssessmentBytes);
        saveEvidenceLimits(limits);
    }
    context.out << "Evidence limits: " << q(formatByteSize(limits.perFileBytes)) << " per file, "
                << q(formatByteSize(limits.perAssessmentBytes)) << " per assessment"
                << (perFile || perAssessment ? " (saved; the workbench uses them too)." : ".") << '\n';
    return ExitOk;
}

} // namespace

int evidenceCommand(CommandContext& context) {
    const QString verb = context.positional(0, "ID|add|get|set|remove|restore|limits");
    if (verb == "add")
        return addEvidence(context);
    if (verb == "get")
        return getEvidence(context);
    if (verb == "set")
        return setEvidence(context);
    if (verb == "remove")
        return removeOrRestore(context, true);
    if (verb == "restore")
        return removeOrRestore(context, false);
    if (verb == "limits")
        return evidenceLimits(context);
    bool isId = false;
    verb.toLongLong(&isId);
    if (isId)
        return listEvidence(context);
    throw UsageError{"evidence: '" + verb +
                     "' is not an assessment id or one of add, get, set, remove, restore "
                     "and limits"};
}

} // namespace mw::cli
