#include "core/action_csv.hpp"
#include "core/actions.hpp"
#include "core/csv.hpp"
#include "core/report_data.hpp"
#include "support.hpp"

using namespace mw;
using test::level;

namespace {

Action action(const std::string& uid, std::vector<std::string> questions, const std::string& due = {},
              ActionStatus status = ActionStatus::Planned) {
    Action a;
    a.uid = uid;
    a.title = "Action " + uid;
    a.questionIds = std::move(questions);
    a.due = due;
    a.status = status;
    return a;
}

} // namespace

TEST_CASE("action statuses read as people write them, and everything else is refused", "[actions]") {
    CHECK(actionStatusFromString("in progress") == ActionStatus::InProgress);
    CHECK(actionStatusFromString("In-Progress") == ActionStatus::InProgress);
    CHECK(actionStatusFromString("DONE") == ActionStatus::Done);
    CHECK(actionStatusFromString("dropped") == ActionStatus::Dropped);
    CHECK_FALSE(actionStatusFromString("finished"));
    CHECK_FALSE(actionStatusFromString(""));
    for (auto s :
         {ActionStatus::Planned, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Dropped})
        CHECK(actionStatusFromString(toString(s)) == s);
}

TEST_CASE("an action is late only while open and past its date", "[actions]") {
    CHECK(isLate(action("a", {"A1"}, "2026-03-31"), "2026-04-01"));
    CHECK_FALSE(isLate(action("a", {"A1"}, "2026-03-31"), "2026-03-31"));
    CHECK_FALSE(isLate(action("a", {"A1"}, "2026-03-31", ActionStatus::Done), "2027-01-01"));
    CHECK_FALSE(isLate(action("a", {"A1"}, "2026-03-31", ActionStatus::Dropped), "2027-01-01"));
    CHECK(isLate(action("a", {"A1"}, "2026-03-31", ActionStatus::InProgress), "2027-01-01"));
    CHECK_FALSE(isLate(action("a", {"A1"}), "2027-01-01")); // no date, never late
}

TEST_CASE("actions are checked against the model and ordered by their most urgent gap", "[actions]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    CHECK_FALSE(checkAction(model, action("a", {"A1", "B2"})));
    CHECK(checkAction(model, action("a", {}))->contains("at least one question"));
    CHECK(checkAction(model, action("a", {"Q9"}))->contains("unknown question 'Q9'"));
    CHECK(checkAction(model, action("a", {"A1"}, "31/03/2026"))->contains("is not a date"));
    Action blank = action("a", {"A1"});
    blank.title = " \t";
    CHECK(checkAction(model, blank)->contains("needs a title"));

    // A2: priority 6, A1: 4, B1: 3 (see the gaps test); C1 has no gap.
    const auto gaps =
        rankGaps(model, {level("A1", 1, 3), level("A2", 2, 3), level("B1", 0, 3), level("C1", 5, 5)});
    std::vector<Action> plan{action("c1", {"C1"}), action("b1", {"B1"}, "2026-01-01"),
                             action("a1-late", {"A1"}, "2026-09-30"),
                             action("a1-early", {"A1"}, "2026-02-01"), action("both", {"B1", "A2"})};
    sortByHorizonAndPriority(plan, gaps);
    std::vector<std::string> order;
    for (const auto& a : plan)
        order.push_back(a.uid);
    // Horizons first (all of these gaps share one), then priority, then the earlier date; no gap last.
    CHECK(order == std::vector<std::string>{"both", "a1-early", "a1-late", "b1", "c1"});
    CHECK(mostUrgentGap(plan.front(), gaps)->questionId == "A2");
    CHECK(mostUrgentGap(plan.back(), gaps) == nullptr);
    const Action fromGap = actionForGap(gaps.front());
    CHECK(fromGap.title == "A2: step from 2 to 3");
    CHECK(fromGap.questionIds == std::vector<std::string>{"A2"});
}

TEST_CASE("CSV fields survive quoting, line breaks and formula-like text", "[actions][csv]") {
    const std::vector<std::string> fields{"plain",    "a, b", "say \"hi\"", "two\nlines",
                                          "=SUM(A1)", "-5",   "",           "'=kept"};
    std::string line;
    for (const auto& f : fields)
        line += (line.empty() ? "" : ",") + csvField(f);
    CHECK(csvField("=SUM(A1)") == "\"'=SUM(A1)\"");
    auto rows = readCsv("\xEF\xBB\xBF"
                        "a,b\r\n" +
                        line + "\r\n");
    REQUIRE(rows.has_value());
    REQUIRE(rows->size() == 2);
    CHECK((*rows)[0] == std::vector<std::string>{"a", "b"});
    CHECK((*rows)[1] == fields);
    auto open = readCsv("a,b\nc,\"never\nclosed");
    REQUIRE_FALSE(open.has_value());
    CHECK(open.error().message == "line 2: a quoted field is never closed");
}

TEST_CASE("an edited actions CSV changes only what it says, or nothing with its row and column",
          "[actions][csv]") {
    std::vector<Action> current{action("u1", {"A1"}, "2026-03-31"), action("u2", {"B1"})};
    current[0].owner = "R. Patel";
    const std::string written = actionsCsv(current, "2026-04-01");
    CHECK(written.starts_with("uid,questions,title,owner,due,status,note,late\r\n"));
    CHECK(written.contains("u1,A1,Action u1,R. Patel,2026-03-31,planned,,yes\r\n"));
    // Read back unchanged: nothing to do.
    CHECK(readActionsCsv(written, current)->empty());

    // Columns in another order, one missing (the owner stays), a blank line a spreadsheet left.
    auto changed = readActionsCsv("status,uid,due\r\nDone,u1,2026-04-15\r\n,,\r\n", current);
    REQUIRE(changed.has_value());
    REQUIRE(changed->size() == 1);
    CHECK(changed->front().uid == "u1");
    CHECK(changed->front().status == ActionStatus::Done);
    CHECK(changed->front().due == "2026-04-15");
    CHECK(changed->front().owner == "R. Patel");

    auto refused = [&](const std::string& csv) { return readActionsCsv(csv, current).error().message; };
    CHECK(refused("uid,status\nu1,done\nu9,done\n") ==
          "row 3, column uid: no action 'u9' in this assessment");
    CHECK(refused("uid,status\nu1,done\nu1,dropped\n") == "row 3, column uid: action 'u1' appears twice");
    CHECK(refused("uid,status\nu2,finished\n") ==
          "row 2, column status: 'finished' is not planned, in-progress, done or dropped");
    CHECK(refused("uid,due\nu2,30/06/2026\n") ==
          "row 2, column due: '30/06/2026' is not a date such as 2026-06-30");
    CHECK(refused("uid,title\nu2,\n") == "row 2, column title: an action needs a title");
    CHECK(refused("owner,status\nX,done\n").starts_with("row 1: no 'uid' column"));
    CHECK(refused("").starts_with("the file is empty"));
}

TEST_CASE("the story since a baseline: the largest moves each way, and what each carried action did",
          "[actions][comparison]") {
    const Model model = test::fixtureModel("rubric-basic.json");
    std::vector<Answer> before, after;
    for (const auto* q : model.allQuestions()) {
        before.push_back(level(q->id, 2, 4));
        after.push_back(level(q->id, 2, 4));
    }
    after[0].current = 4; // A1 rises two levels
    after[2].current = 1; // the third question falls one
    const BaselineSummary summary =
        summarizeBaseline({}, std::make_shared<const Model>(model), before, {}, model, after, {});
    REQUIRE(summary.change.overallBefore.has_value());
    CHECK(*summary.change.overallBefore == Approx(*summary.scores.overall));

    const DimensionMoves moves = largestMoves(summary.change, 2);
    REQUIRE_FALSE(moves.rose.empty());
    CHECK(moves.rose.front().id == model.dimensions[0].id);
    for (std::size_t i = 1; i < moves.rose.size(); ++i)
        CHECK(*moves.rose[i - 1].delta() >= *moves.rose[i].delta());
    REQUIRE_FALSE(moves.fell.empty());
    for (const auto& d : moves.fell)
        CHECK(*d.delta() < 0);
    CHECK(largestMoves(summary.change, 0).rose.empty());

    const std::string a1 = model.allQuestions()[0]->id, third = model.allQuestions()[2]->id;
    Action carried = action("u1", {a1, third, "GONE"}, "2026-01-31", ActionStatus::Done);
    carried.carriedFrom = "u0";
    const Action fresh = action("u2", {a1});
    const auto outcomes = actionOutcomes({carried, fresh}, summary.change);
    REQUIRE(outcomes.size() == 1); // only the one carried from the baseline
    CHECK(outcomes[0].action.uid == "u1");
    REQUIRE(outcomes[0].questions.size() == 2); // "GONE" is no longer asked
    CHECK(outcomes[0].questions[0].questionId == a1);
    CHECK(*outcomes[0].questions[0].before == 2);
    CHECK(*outcomes[0].questions[0].after == 4);
    CHECK(outcomes[0].rose == 1);
    CHECK(outcomes[0].fell == 1);

    const ActionTally tally =
        tallyActions({carried, fresh, action("u3", {a1}, "2026-01-01", ActionStatus::InProgress),
                      action("u4", {a1}, "2026-01-01", ActionStatus::Dropped)},
                     "2026-06-01");
    CHECK(tally.done == 1);
    CHECK(tally.planned == 1);
    CHECK(tally.inProgress == 1);
    CHECK(tally.dropped == 1);
    CHECK(tally.late == 1); // the one in progress past its date; done and dropped ones are never late
    CHECK(tally.total() == 4);
}
