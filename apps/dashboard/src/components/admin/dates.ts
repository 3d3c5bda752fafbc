/** An RFC 3339 time from the API as a Date for a DataGrid dateTime column; null when absent. */
export function dateOrNull(time: string | null | undefined): Date | null {
  return time ? new Date(time) : null;
}
