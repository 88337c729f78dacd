using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <summary>
    /// From now on a dose that is planned or missed never has an active appointment (marking a booked dose missed releases
    /// its appointment), so the worklist and the capacity forecast can take the dose status as "not booked yet".
    /// Doses that earlier versions left planned or missed while an appointment still held a chair for them are marked
    /// booked: the appointment is on the board, and the nurse decides there.
    /// </summary>
    public partial class ReleaseAppointmentsOfMissedDoses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE doses d SET status = 'Booked'
                WHERE d.status IN ('Planned', 'Missed')
                  AND EXISTS (SELECT 1 FROM appointments a WHERE a.dose_id = d.id AND a.status IN ('Booked', 'CheckedIn', 'InChair'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
