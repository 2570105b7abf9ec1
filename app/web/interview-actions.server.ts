// The interview forms of the application page: schedule, offer times, move, cancel, no-show and feedback. Rows of the
// page's intent table (app/web/application-actions.server.ts); dates are read in the poster's time zone.
import { redirect } from "@remix-run/node";
import {
  cancelFormSchema,
  feedbackFormSchema,
  interviewIdFormSchema,
  offerFormSchema,
  rescheduleFormSchema,
  scheduleFormSchema,
} from "~/domain/interviews/forms";
import { APPLICATION_INTENT_PERMISSIONS as permission } from "~/domain/permissions";
import { recordFeedback, recordNoShow } from "~/models/interviews/feedback.server";
import {
  cancelInterview,
  offerInterview,
  rescheduleInterview,
  scheduleInterview,
} from "~/models/interviews/schedule.server";
import type { UserSummary } from "~/models/user.server";
import { defineIntent } from "./intents.server";

function done(applicationId: string, what: string) {
  return redirect(`/applications/${applicationId}?done=${what}#interviews`);
}

export function interviewIntents(applicationId: string, user: UserSummary) {
  return {
    "schedule-interview": defineIntent({
      schema: scheduleFormSchema(user.timeZone),
      permission: permission["schedule-interview"],
      run: async ({ input }) => {
        await scheduleInterview(applicationId, input, user);
        return done(applicationId, input.notify ? "interview-scheduled" : "interview-recorded");
      },
    }),
    "offer-interview": defineIntent({
      schema: offerFormSchema(user.timeZone),
      permission: permission["offer-interview"],
      run: async ({ input }) => {
        await offerInterview(applicationId, input, user);
        return done(applicationId, "interview-offered");
      },
    }),
    "reschedule-interview": defineIntent({
      schema: rescheduleFormSchema(user.timeZone),
      permission: permission["reschedule-interview"],
      run: async ({ input }) => {
        await rescheduleInterview(input.interviewId, input, user);
        return done(applicationId, "interview-moved");
      },
    }),
    "cancel-interview": defineIntent({
      schema: cancelFormSchema,
      permission: permission["cancel-interview"],
      run: async ({ input }) => {
        await cancelInterview(input.interviewId, input, user);
        return done(applicationId, "interview-cancelled");
      },
    }),
    "interview-no-show": defineIntent({
      schema: interviewIdFormSchema,
      permission: permission["interview-no-show"],
      run: async ({ input }) => {
        await recordNoShow(input.interviewId, user);
        return done(applicationId, "interview-no-show");
      },
    }),
    "interview-feedback": defineIntent({
      schema: feedbackFormSchema,
      permission: permission["interview-feedback"],
      run: async ({ input }) => {
        await recordFeedback(input.interviewId, input, user);
        return done(applicationId, "interview-feedback");
      },
    }),
  };
}
