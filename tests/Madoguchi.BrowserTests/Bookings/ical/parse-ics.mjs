// Reads one iCalendar document on stdin and prints what the bookings tests check, as JSON.
import ICAL from "ical.js";

let text = "";
for await (const chunk of process.stdin) text += chunk;
const calendar = new ICAL.Component(ICAL.parse(text));
const event = calendar.getFirstSubcomponent("vevent");
const start = event.getFirstProperty("dtstart");
console.log(JSON.stringify({
  method: calendar.getFirstPropertyValue("method"),
  uid: event.getFirstPropertyValue("uid"),
  sequence: event.getFirstPropertyValue("sequence"),
  status: event.getFirstPropertyValue("status"),
  start: start.getFirstValue().toString(),
  tzid: start.getParameter("tzid"),
  timezones: calendar.getAllSubcomponents("vtimezone").map(z => z.getFirstPropertyValue("tzid")),
}));
