import { useEffect } from 'react';
import { usePubNub } from 'pubnub-react';
import { useAtom, useSetAtom } from 'jotai';
import { jobsAtom, onlineDriversAtom, type Job } from '../state';

export default function DispatchBoard({ region }: { region: string }) {
  const pubnub = usePubNub();
  const [jobs, setJobs] = useAtom(jobsAtom);
  const setDrivers = useSetAtom(onlineDriversAtom);
  const channel = `jobs.${region}`;

  useEffect(() => {
    pubnub.addListener({
      message: (event) => {
        const job = event.message as unknown as Job;
        setJobs((prev) => ({ ...prev, [job.id]: job }));
      },
      presence: (event) => {
        setDrivers((prev) =>
          event.action === 'join'
            ? [...new Set([...prev, event.uuid!])]
            : prev.filter((d) => d !== event.uuid),
        );
      },
    });
    pubnub.subscribe({ channels: [channel], withPresence: true });
  }, [pubnub, channel, setJobs, setDrivers]);

  const assign = (job: Job, driver: string) =>
    pubnub.publish({ channel, message: { ...job, status: 'assigned', driver } });

  return (
    <table>
      <tbody>
        {Object.values(jobs).map((job) => (
          <tr key={job.id}>
            <td>{job.address}</td>
            <td>{job.status}</td>
            <td>
              {job.status === 'open' && (
                <button onClick={() => assign(job, prompt('Driver?') ?? '')}>Assign</button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
